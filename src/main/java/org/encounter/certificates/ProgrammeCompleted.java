package org.encounter.certificates;

/**
 * A person completed a programme that earns a certificate (today: a Leadership Exchange).
 *
 * <p>{@code programme} names the kind ("exchange"); {@code reference} is the publisher's stable key for this
 * completion ("exchange-pair:12"): one certificate is issued per person and reference, however often the event
 * arrives. {@code name} is what was completed (the round's name), {@code partnerOrganisation} the name of the
 * partner's organisation, and {@code partnershipId}/{@code partnershipName} the partnership it ran in, or both null.
 */
public record ProgrammeCompleted(long personId, String programme, String reference, String name,
                                 String partnerOrganisation, Long partnershipId, String partnershipName,
                                 java.time.Instant completedAt) {
}
