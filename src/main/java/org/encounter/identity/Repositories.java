package org.encounter.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OrganisationRepository extends JpaRepository<Organisation, Long> {

    @Query("select o from Organisation o where (:everywhere = true or o.id in :organisations)"
            + " and lower(o.name) like lower(concat('%', :search, '%'))")
    Slice<Organisation> search(@Param("everywhere") boolean everywhere,
                               @Param("organisations") java.util.Collection<Long> organisations,
                               @Param("search") String search, Pageable pageable);

    @Query("select count(o) from Organisation o where lower(o.name) like lower(concat('%', :search, '%'))")
    long countSearch(@Param("search") String search);

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndIdNot(String name, Long id);
}

interface PersonRepository extends JpaRepository<Person, Long> {

    Optional<Person> findByEmail(String email);

    boolean existsByEmail(String email);

    boolean existsByEmailAndIdNot(String email, Long id);

    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Person p set p.passwordHash = :newHash where p.id = :id and p.passwordHash = :oldHash")
    int replacePasswordHash(@Param("id") long id, @Param("oldHash") String oldHash, @Param("newHash") String newHash);

    /** Notes the person's sign-in, for the retention of inactive accounts; bypasses the entity and its version. */
    @org.springframework.transaction.annotation.Transactional
    @org.springframework.data.jpa.repository.Modifying
    @Query(value = "update person set last_signed_in_at = :at where id = :id", nativeQuery = true)
    int recordSignIn(@Param("id") long id, @Param("at") Instant at);

    /** The admin's search within the organisations in scope: display name, registered name or e-mail address. */
    @Query(value = "select p from Person p join fetch p.organisation where (:everywhere = true or p.organisation.id in :organisations)"
            + " and (lower(p.displayName) like lower(concat('%', :search, '%'))"
            + " or lower(p.registeredName) like lower(concat('%', :search, '%'))"
            + " or lower(p.email) like lower(concat('%', :search, '%')))",
            countQuery = "select count(p) from Person p where (:everywhere = true or p.organisation.id in :organisations)"
            + " and (lower(p.displayName) like lower(concat('%', :search, '%'))"
            + " or lower(p.registeredName) like lower(concat('%', :search, '%'))"
            + " or lower(p.email) like lower(concat('%', :search, '%')))")
    Slice<Person> search(@Param("everywhere") boolean everywhere,
                         @Param("organisations") java.util.Collection<Long> organisations,
                         @Param("search") String search, Pageable pageable);

    /** People of these organisations whose display name (never e-mail) holds the text; enabled, holding the role if given. */
    @Query("select p from Person p where p.organisation.id in :organisations and p.enabled = true"
            + " and lower(p.displayName) like lower(concat('%', :search, '%'))"
            + " and (:role is null or :role member of p.roles)")
    Slice<Person> findPickable(@Param("organisations") java.util.Collection<Long> organisations,
                               @Param("search") String search, @Param("role") Role role, Pageable pageable);

    @Query("select p.id from Person p where p.enabled = true and :role member of p.roles"
            + " and p.organisation.id in :organisations")
    List<Long> findEnabledIdsHoldingIn(@Param("role") Role role,
                                       @Param("organisations") java.util.Collection<Long> organisations);

    @Query(value = "select p from Person p where p.nameRequestedAt is not null"
            + " and (:everywhere = true or p.organisation.id in :organisations)",
            countQuery = "select count(p) from Person p where p.nameRequestedAt is not null"
            + " and (:everywhere = true or p.organisation.id in :organisations)")
    Slice<Person> findWithNameRequest(@Param("everywhere") boolean everywhere,
                                      @Param("organisations") java.util.Collection<Long> organisations,
                                      Pageable pageable);

    @Query("select count(p) from Person p where p.nameRequestedAt is not null"
            + " and (:everywhere = true or p.organisation.id in :organisations)")
    long countWithNameRequest(@Param("everywhere") boolean everywhere,
                              @Param("organisations") java.util.Collection<Long> organisations);
}

interface TeamRepository extends JpaRepository<Team, Long> {

    /** Teams of the organisations in scope whose name, or whose organisation's name, holds the text. */
    @Query("select t from Team t join fetch t.organisation where (:everywhere = true or t.organisation.id in :organisations)"
            + " and (lower(t.name) like lower(concat('%', :search, '%'))"
            + " or lower(t.organisation.name) like lower(concat('%', :search, '%')))")
    Slice<Team> search(@Param("everywhere") boolean everywhere,
                       @Param("organisations") java.util.Collection<Long> organisations,
                       @Param("search") String search, Pageable pageable);

    @Query("select t from Team t join t.managers m where m.id = :personId order by t.name")
    List<Team> findManagedBy(@Param("personId") Long personId);

    @Query("select count(distinct mb.id) from Team t join t.managers m join t.members mb where m.id = :personId"
            + " and mb.id in :ids")
    long countMembersManagedBy(@Param("personId") Long personId, @Param("ids") java.util.Collection<Long> ids);

    @Query("select t from Team t join t.members m where m.id = :personId order by t.name")
    List<Team> findWithMember(@Param("personId") Long personId);

    /** Of these people, those the manager manages in any team. */
    @Query("select distinct mb.id from Team t join t.managers m join t.members mb where m.id = :managerId"
            + " and mb.id in :ids")
    Set<Long> membersManagedBy(@Param("managerId") Long managerId, @Param("ids") java.util.Collection<Long> ids);

    /** Pairs [manager, member] among these people. */
    @Query("select distinct m.id, mb.id from Team t join t.managers m join t.members mb where m.id in :ids"
            + " and mb.id in :ids and m.id <> mb.id")
    List<Object[]> managementAmong(@Param("ids") java.util.Collection<Long> ids);

    @Query("select distinct mb.id from Team t join t.managers m join t.members mb where m.id = :managerId"
            + " and mb.id <> :managerId")
    Set<Long> allMembersManagedBy(@Param("managerId") Long managerId);

    @Query("select distinct m.id from Team t join t.managers m join t.members mb where mb.id = :personId"
            + " and m.id <> :personId")
    Set<Long> allManagersOf(@Param("personId") Long personId);

    /** Of these people, those who manage the person in any team. */
    @Query("select distinct m.id from Team t join t.managers m join t.members mb where mb.id = :personId"
            + " and m.id in :ids")
    Set<Long> managersOf(@Param("personId") Long personId, @Param("ids") java.util.Collection<Long> ids);

    boolean existsByOrganisationIdAndNameIgnoreCase(Long organisationId, String name);

    boolean existsByOrganisationIdAndNameIgnoreCaseAndIdNot(Long organisationId, String name, Long id);

    long countByOrganisationId(Long organisationId);
}

interface InvitationRepository extends JpaRepository<Invitation, Long> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    @Query(value = "select i from Invitation i join fetch i.organisation left join fetch i.team"
            + " where :everywhere = true or i.organisation.id in :organisations",
            countQuery = "select count(i) from Invitation i where :everywhere = true or i.organisation.id in :organisations")
    Slice<Invitation> findAllWithTeam(@Param("everywhere") boolean everywhere,
                                      @Param("organisations") java.util.Collection<Long> organisations,
                                      Pageable pageable);

    long countByUsedAtIsNullAndRevokedAtIsNullAndExpiresAtAfter(Instant now);
}

interface PartnershipRepository extends JpaRepository<Partnership, Long> {

    @Query("select p from Partnership p where (:everywhere = true or p.id in :partnerships)"
            + " and lower(p.name) like lower(concat('%', :search, '%'))")
    Slice<Partnership> search(@Param("everywhere") boolean everywhere,
                              @Param("partnerships") java.util.Collection<Long> partnerships,
                              @Param("search") String search, Pageable pageable);

    /** The partnership's coordinators whose organisation is a current member: who hears about its exchange. */
    @Query("select c.id from Partnership p join p.coordinators c join PartnershipMember m"
            + " on m.partnership = p and m.organisation = c.organisation and m.leftAt is null where p.id = :partnershipId")
    Set<Long> currentCoordinators(@Param("partnershipId") long partnershipId);

    /** The partnerships the person coordinates while their organisation is a current member. */
    @Query("select p.id from Partnership p join p.coordinators c join PartnershipMember m"
            + " on m.partnership = p and m.organisation = c.organisation and m.leftAt is null where c.id = :personId")
    Set<Long> coordinatedBy(@Param("personId") long personId);

    boolean existsByNameIgnoreCase(String name);

    Optional<Partnership> findByName(String name);
}

interface PartnershipMemberRepository extends JpaRepository<PartnershipMember, Long> {

    @Query("select m from PartnershipMember m join fetch m.organisation o where m.partnership.id = :partnershipId"
            + " and m.leftAt is null order by o.name")
    List<PartnershipMember> current(@Param("partnershipId") long partnershipId);

    Optional<PartnershipMember> findByPartnershipIdAndOrganisationIdAndLeftAtIsNull(Long partnershipId,
                                                                                   Long organisationId);

    /** The organisations that share a current partnership with this one, itself included when it is in any. */
    @Query("select distinct other.organisation.id from PartnershipMember mine, PartnershipMember other"
            + " where mine.organisation.id = :organisationId and mine.leftAt is null"
            + " and other.partnership = mine.partnership and other.leftAt is null")
    Set<Long> partnersOf(@Param("organisationId") long organisationId);

    /** The partnerships this organisation was a member of at that instant (joined by then, not yet left). */
    @Query("select m.partnership.id from PartnershipMember m where m.organisation.id = :organisationId"
            + " and m.joinedAt <= :at and (m.leftAt is null or m.leftAt > :at)")
    Set<Long> membershipsAt(@Param("organisationId") long organisationId, @Param("at") java.time.Instant at);

    /** The partnerships this organisation is a current member of. */
    @Query("select m.partnership.id from PartnershipMember m where m.organisation.id = :organisationId"
            + " and m.leftAt is null")
    Set<Long> membershipsOf(@Param("organisationId") long organisationId);

    /** Organisations that are or were members of these partnerships. */
    @Query("select distinct m.organisation.id from PartnershipMember m where m.partnership.id in :partnerships")
    Set<Long> everMembersOf(@Param("partnerships") java.util.Collection<Long> partnerships);

    /** Organisations in scope, by name, that are not current members of the partnership. */
    @Query("select o from Organisation o where (:everywhere = true or o.id in :organisations)"
            + " and lower(o.name) like lower(concat('%', :search, '%'))"
            + " and o.id not in (select m.organisation.id from PartnershipMember m"
            + " where m.partnership.id = :partnershipId and m.leftAt is null)")
    Slice<Organisation> candidates(@Param("partnershipId") long partnershipId,
                                   @Param("everywhere") boolean everywhere,
                                   @Param("organisations") java.util.Collection<Long> organisations,
                                   @Param("search") String search, Pageable pageable);

    /** Enabled people of the partnership's current member organisations whose display name holds the text. */
    @Query("select p from Person p where p.enabled = true and lower(p.displayName) like lower(concat('%', :search, '%'))"
            + " and p.organisation.id in (select m.organisation.id from PartnershipMember m"
            + " where m.partnership.id = :partnershipId and m.leftAt is null)")
    Slice<Person> people(@Param("partnershipId") long partnershipId, @Param("search") String search,
                         Pageable pageable);

    /** Whether the organisation is a current member of the partnership. */
    boolean existsByPartnershipIdAndOrganisationIdAndLeftAtIsNull(Long partnershipId, Long organisationId);
}
