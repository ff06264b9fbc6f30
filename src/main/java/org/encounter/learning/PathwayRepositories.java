package org.encounter.learning;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PathwayRepository extends JpaRepository<Pathway, Long> {

    Optional<Pathway> findByPartnershipId(Long partnershipId);

    List<Pathway> findByPartnershipIdIn(Collection<Long> partnershipIds);
}

interface PathwayStarterRepository extends JpaRepository<PathwayStarter, Long> {

    boolean existsByPathwayIdAndPersonId(Long pathwayId, Long personId);

    List<PathwayStarter> findByPathwayId(Long pathwayId);

    List<PathwayStarter> findByPersonId(Long personId);

    /** Starters of these organisations (or of every one), newest first: an organisation admin's page. */
    @Query("select s from PathwayStarter s where :everywhere = true or s.organisationId in :organisations"
            + " order by s.joinedOn desc, s.id desc")
    Slice<PathwayStarter> ofOrganisations(@Param("everywhere") boolean everywhere,
                                          @Param("organisations") Collection<Long> organisations, Pageable pageable);

    /** Which of these people completed which of these modules (learner id, module id), once each. */
    @Query("select distinct a.learnerId, a.moduleId from Attempt a where a.status = org.encounter.learning.AttemptStatus.COMPLETED"
            + " and a.learnerId in :people and a.moduleId in :modules")
    List<Object[]> completions(@Param("people") Collection<Long> people, @Param("modules") Collection<Long> modules);
}
