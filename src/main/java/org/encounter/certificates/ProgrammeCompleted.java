package org.encounter.certificates;

/** A person completed a programme that earns a certificate (today: a Leadership Exchange). */
public record ProgrammeCompleted(long personId, String programme, String reference, String name,
                                 String partnerOrganisation, Long partnershipId, String partnershipName,
                                 java.time.Instant completedAt) {
}
