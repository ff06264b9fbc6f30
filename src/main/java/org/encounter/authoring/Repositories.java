package org.encounter.authoring;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ModuleRepository extends JpaRepository<Module, Long> {

    @Query("select m from Module m where m.id in (select a.key.moduleId from ModuleAuthor a where a.key.personId = :personId)"
            + " order by m.updatedAt desc")
    List<Module> findAuthoredBy(@Param("personId") Long personId);

    long countByStatus(ModuleStatus status);

    /**
     * In this status, hosted by one of these organisations and not authored by the person: what a curator may decide
     * on, oldest change first.
     */
    @Query("select m from Module m where m.status = :status and m.organisationId in :organisations"
            + " and not exists (select a from ModuleAuthor a"
            + " where a.key.moduleId = m.id and a.key.personId = :personId) order by m.updatedAt, m.id")
    Slice<Module> findWaitingForReviewBy(@Param("status") ModuleStatus status, @Param("personId") Long personId,
                                         @Param("organisations") Collection<Long> organisations, Pageable pageable);

    @Query("select count(m) from Module m where m.status = :status and m.organisationId in :organisations"
            + " and not exists (select a from ModuleAuthor a"
            + " where a.key.moduleId = m.id and a.key.personId = :personId)")
    long countWaitingForReviewBy(@Param("status") ModuleStatus status, @Param("personId") Long personId,
                                 @Param("organisations") Collection<Long> organisations);

    /** Published modules of these organisations not currently shared with the partnership, by title. */
    @Query("select m from Module m where m.status = :published and m.organisationId in :organisations"
            + " and lower(m.title) like lower(concat('%', :search, '%'))"
            + " and not exists (select s from ModuleShare s where s.moduleId = m.id and s.partnershipId = :partnershipId"
            + "     and s.endedAt is null) order by m.title")
    Slice<Module> shareable(@Param("published") ModuleStatus published, @Param("partnershipId") long partnershipId,
                            @Param("organisations") Collection<Long> organisations, @Param("search") String search,
                            Pageable pageable);

    boolean existsByTitle(String title);
}

interface ModuleStepRepository extends JpaRepository<ModuleStep, Long> {
}

interface ModuleAuthorRepository extends JpaRepository<ModuleAuthor, ModuleAuthor.Key> {

    @Query("select a from ModuleAuthor a where a.key.moduleId = :moduleId order by a.owner desc, a.addedAt")
    List<ModuleAuthor> findByModule(@Param("moduleId") Long moduleId);

    @Query("select a from ModuleAuthor a where a.key.moduleId in :moduleIds order by a.owner desc, a.addedAt")
    List<ModuleAuthor> findByModules(@Param("moduleIds") Collection<Long> moduleIds);
}

interface ModuleImageRepository extends JpaRepository<ModuleImage, Long> {

    Optional<ModuleImage> findByPublicKey(String publicKey);

    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
    @Query("delete from ModuleImage i where i.moduleId = :moduleId")
    int deleteByModule(@Param("moduleId") Long moduleId);
}

interface ModuleVersionRepository extends JpaRepository<ModuleVersion, Long> {

    @Query("select v.moduleId, v.title from ModuleVersion v, Module m where m.id = v.moduleId and v.id = m.latestVersionId"
            + " and m.id in :ids")
    List<Object[]> latestTitles(@Param("ids") java.util.Collection<Long> moduleIds);

    @Query("select v from ModuleVersion v, Module m where m.id = v.moduleId and v.id = m.latestVersionId and m.id in :ids")
    List<ModuleVersion> latest(@Param("ids") java.util.Collection<Long> moduleIds);


    /** The current versions of published modules, filtered; the catalogue's one query. */
    @Query("select v from ModuleVersion v, Module m where m.latestVersionId = v.id and m.status = :published"
            + " and (:text is null or lower(v.title) like lower(concat('%', :text, '%'))"
            + "      or lower(v.summary) like lower(concat('%', :text, '%')))"
            + " and (:theme is null or lower(v.themes) like lower(concat('%', :theme, '%')))"
            + " and (:language is null or v.language = :language)"
            + " and (:maxMinutes is null or v.estimatedMinutes <= :maxMinutes)"
            + " and (:restrict = false or m.id in :modules)"
            + " and (:everywhere = true or m.organisationId in :organisations"
            + "     or exists (select s from ModuleShare s where s.moduleId = m.id"
            + "     and s.partnershipId in :partnerships and s.endedAt is null))"
            + " order by v.title")
    Slice<ModuleVersion> catalogue(@Param("published") ModuleStatus published, @Param("text") String text,
                                   @Param("theme") String theme, @Param("language") String language,
                                   @Param("maxMinutes") Integer maxMinutes, @Param("restrict") boolean restrict,
                                   @Param("modules") Collection<Long> modules, @Param("everywhere") boolean everywhere,
                                   @Param("organisations") Collection<Long> organisations,
                                   @Param("partnerships") Collection<Long> partnerships, Pageable pageable);

    Optional<ModuleVersion> findTopByModuleIdOrderByNumberDesc(Long moduleId);

    List<ModuleVersion> findByModuleIdOrderByNumberDesc(Long moduleId);

    /** Whether a published version of the module uses the image (keys are 32 random hex digits: no false match). */
    @Query("select count(v) > 0 from ModuleVersion v where v.moduleId = :moduleId"
            + " and v.content like concat('%\"', :key, '\"%')")
    boolean anyUses(@Param("moduleId") Long moduleId, @Param("key") String key);
}

interface ModuleShareRepository extends JpaRepository<ModuleShare, Long> {

    Optional<ModuleShare> findByModuleIdAndPartnershipIdAndEndedAtIsNull(Long moduleId, Long partnershipId);

    /** A partnership's current shares, newest first. */
    List<ModuleShare> findByPartnershipIdAndEndedAtIsNullOrderBySharedAtDesc(Long partnershipId);

    /** [module id, partnership id] of these modules' current shares with these partnerships. */
    @Query("select s.moduleId, s.partnershipId from ModuleShare s where s.moduleId in :modules"
            + " and s.partnershipId in :partnerships and s.endedAt is null")
    List<Object[]> currentShares(@Param("modules") Collection<Long> modules,
                                 @Param("partnerships") Collection<Long> partnerships);

    /** Ends the partnership's current shares of modules hosted by this organisation. */
    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update ModuleShare s set s.endedAt = :at where s.partnershipId = :partnershipId and s.endedAt is null"
            + " and s.moduleId in (select m.id from Module m where m.organisationId = :organisationId)")
    int endOfHost(@Param("partnershipId") long partnershipId, @Param("organisationId") long organisationId,
                  @Param("at") java.time.Instant at);

    /** Of these partnerships, those the module was shared with at that instant, longest-shared first. */
    @Query("select s.partnershipId from ModuleShare s where s.moduleId = :moduleId and s.partnershipId in :partnerships"
            + " and s.sharedAt <= :at and (s.endedAt is null or s.endedAt > :at) order by s.sharedAt, s.id")
    List<Long> sharedAt(@Param("moduleId") long moduleId, @Param("partnerships") Collection<Long> partnerships,
                        @Param("at") java.time.Instant at);

    /** Whether the module is currently shared with any of these partnerships. */
    @Query("select count(s) > 0 from ModuleShare s where s.moduleId = :moduleId and s.partnershipId in :partnerships"
            + " and s.endedAt is null")
    boolean sharedWithAny(@Param("moduleId") Long moduleId, @Param("partnerships") Collection<Long> partnerships);

    /** Modules shared with the partnership now or at any time before. */
    @Query("select distinct s.moduleId from ModuleShare s where s.partnershipId = :partnershipId")
    java.util.Set<Long> everSharedWith(@Param("partnershipId") long partnershipId);
}

interface ModuleTransitionRepository extends JpaRepository<ModuleTransition, Long> {

    List<ModuleTransition> findByModuleIdOrderByAtAsc(Long moduleId);
}

interface StepCommentRepository extends JpaRepository<StepComment, Long> {

    List<StepComment> findByModuleIdOrderByCreatedAtAsc(Long moduleId);

    /**
     * Per module: [module id, count] of comments by others written after the person last commented there and after
     * they last moved the module (sent it for review). Modules with none are left out.
     */
    @Query("select c.moduleId, count(c) from StepComment c where c.moduleId in :moduleIds and c.authorId <> :personId"
            + " and not exists (select mine from StepComment mine where mine.moduleId = c.moduleId"
            + "     and mine.authorId = :personId and mine.createdAt >= c.createdAt)"
            + " and not exists (select t from ModuleTransition t where t.moduleId = c.moduleId"
            + "     and t.actorId = :personId and t.at >= c.createdAt)"
            + " group by c.moduleId")
    List<Object[]> countUnanswered(@Param("moduleIds") Collection<Long> moduleIds, @Param("personId") Long personId);
}

interface CoAuthorInvitationRepository extends JpaRepository<CoAuthorInvitation, Long> {

    Optional<CoAuthorInvitation> findByTokenHash(String tokenHash);
}
