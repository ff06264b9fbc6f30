package org.encounter.exchange;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A leader's application to a round; confirmed by their manager, it joins the matching's pool. */
@Entity
@Table(name = "exchange_application")
class ExchangeApplication {

    static final int TEXT_MAX = 1000;
    static final int NOTE_MAX = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "round_id", nullable = false)
    private Long roundId;
    @Column(name = "person_id", nullable = false)
    private Long personId;
    @Column(name = "organisation_id", nullable = false)
    private Long organisationId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sector sector;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Level level;
    @Column(nullable = false)
    private String wants;
    @Column(nullable = false)
    private String offers;
    @Column(name = "want_themes", nullable = false)
    private String wantThemes;
    @Column(name = "offer_themes", nullable = false)
    private String offerThemes;
    @Column(nullable = false)
    private String languages;
    @Column(nullable = false)
    private String availability;
    @Column(name = "availability_note")
    private String availabilityNote;
    @Column(nullable = false)
    private String shown;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "exchange_travel", joinColumns = @JoinColumn(name = "application_id"))
    @Column(name = "organisation_id", nullable = false)
    private Set<Long> travelsTo = new HashSet<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "exchange_avoid_person", joinColumns = @JoinColumn(name = "application_id"))
    @Column(name = "person_id", nullable = false)
    private Set<Long> avoidPeople = new HashSet<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "exchange_avoid_organisation", joinColumns = @JoinColumn(name = "application_id"))
    @Column(name = "organisation_id", nullable = false)
    private Set<Long> avoidOrganisations = new HashSet<>();
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApplicationStatus status;
    @Column(name = "manager_id")
    private Long managerId;
    @Column(name = "manager_answered_at")
    private Instant managerAnsweredAt;
    @Column(nullable = false)
    private boolean excluded;
    @Column(name = "unmatched_reason")
    private String unmatchedReason;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected ExchangeApplication() {
    }

    ExchangeApplication(long roundId, long personId, long organisationId, ApplicationForm form, Instant now) {
        this.roundId = roundId;
        this.personId = personId;
        this.organisationId = organisationId;
        this.status = ApplicationStatus.AWAITING_MANAGER;
        this.createdAt = now;
        this.sector = java.util.Objects.requireNonNull(form.sector());
        this.level = java.util.Objects.requireNonNull(form.level());
        this.wants = form.wants();
        this.offers = form.offers();
        this.wantThemes = Codes.join(form.wantThemes());
        this.offerThemes = Codes.join(form.offerThemes());
        this.languages = Codes.join(form.languages());
        this.availability = Codes.join(form.availability());
        this.availabilityNote = form.availabilityNote();
        this.shown = Codes.join(form.shown());
        this.travelsTo.addAll(form.travelsTo());
        this.avoidPeople.addAll(form.avoidPeople());
        this.avoidOrganisations.addAll(form.avoidOrganisations());
    }

    void answerByManager(long managerId, boolean confirmed, Instant now) {
        if (status != ApplicationStatus.AWAITING_MANAGER) {
            throw new IllegalStateException("already answered");
        }
        this.managerId = managerId;
        this.managerAnsweredAt = now;
        this.status = confirmed ? ApplicationStatus.CONFIRMED : ApplicationStatus.NOT_CONFIRMED;
    }

    void withdraw() {
        this.status = ApplicationStatus.WITHDRAWN;
    }

    void exclude(boolean excluded) {
        this.excluded = excluded;
    }

    void unmatched(String reasonKey) {
        this.unmatchedReason = reasonKey;
    }

    Candidate candidate() {
        return new Candidate(id, personId, organisationId, sector, level, wants, offers, getWantThemes(),
                getOfferThemes(), getLanguages(), travelsTo, getAvailability(), avoidPeople, avoidOrganisations);
    }

    ApplicationForm form() {
        return new ApplicationForm(sector, level, wants, offers, getWantThemes(), getOfferThemes(), getLanguages(),
                travelsTo, getAvailability(), availabilityNote, avoidPeople, avoidOrganisations, getShown());
    }

    Long getId() {
        return id;
    }

    Long getRoundId() {
        return roundId;
    }

    Long getPersonId() {
        return personId;
    }

    Long getOrganisationId() {
        return organisationId;
    }

    Sector getSector() {
        return sector;
    }

    Level getLevel() {
        return level;
    }

    String getWants() {
        return wants;
    }

    String getOffers() {
        return offers;
    }

    Set<Theme> getWantThemes() {
        return Codes.split(wantThemes, Theme::valueOf);
    }

    Set<Theme> getOfferThemes() {
        return Codes.split(offerThemes, Theme::valueOf);
    }

    Set<String> getLanguages() {
        return Codes.split(languages, s -> s);
    }

    Set<DayOfWeek> getAvailability() {
        return Codes.split(availability, DayOfWeek::valueOf);
    }

    String getAvailabilityNote() {
        return availabilityNote;
    }

    Set<Shown> getShown() {
        return Codes.split(shown, Shown::valueOf);
    }

    ApplicationStatus getStatus() {
        return status;
    }

    boolean isExcluded() {
        return excluded;
    }

    String getUnmatchedReason() {
        return unmatchedReason;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
