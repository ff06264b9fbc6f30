package org.encounter.stories;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StoryRepository extends JpaRepository<Story, Long> {

    Optional<Story> findByAttemptId(Long attemptId);

    Optional<Story> findByWriterIdAndSource(Long writerId, String source);

    List<Story> findByWriterIdOrderByUpdatedAtDesc(Long writerId);

    List<Story> findByStatusOrderByUpdatedAtAsc(StoryStatus status);

    List<Story> findByStatusOrderByApprovedAtDesc(StoryStatus status);

    List<Story> findByStatusAndModuleIdInOrderByApprovedAtDesc(StoryStatus status, Collection<Long> moduleIds);
}
