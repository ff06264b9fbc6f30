package org.encounter.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.encounter.base.SystemAccess;
import org.encounter.identity.PrivacySubjects;
import org.springframework.stereotype.Component;

/**
 * What privacy asks identity about people: who they are, who may act for them, who has been away too long. Scope is
 * identity's to decide; this only reads its answers (as the system where identity keeps the answer to the system).
 */
@Component
class Subjects {

    record Subject(long id, String name, String email, long organisationId, String language, boolean erased) {
    }

    private final PrivacySubjects identity;

    Subjects(PrivacySubjects identity) {
        this.identity = identity;
    }

    Optional<Subject> find(long personId) {
        return SystemAccess.run(() -> identity.subject(personId)).map(s -> new Subject(s.id(), s.displayName(),
                s.email(), s.organisationId(), s.language(), s.erased()));
    }

    boolean mayActFor(long personId) {
        return identity.mayActForErasure(personId);
    }

    List<Long> inactiveSince(Instant cutoff) {
        return SystemAccess.run(() -> identity.inactiveSince(cutoff));
    }
}
