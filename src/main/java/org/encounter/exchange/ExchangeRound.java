package org.encounter.exchange;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** A round of the exchange in one partnership: who may apply, when, and how many visits each pair makes. */
@Entity
@Table(name = "exchange_round")
class ExchangeRound {

    static final int NAME_MAX = 120;
    static final int PLACE_MAX = 200;
    static final int VISITS_MAX = 6;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "partnership_id", nullable = false)
    private Long partnershipId;
    @Column(nullable = false)
    private String name;
    @Column(name = "applications_open", nullable = false)
    private LocalDate applicationsOpen;
    @Column(name = "applications_close", nullable = false)
    private LocalDate applicationsClose;
    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;
    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;
    @Column(name = "visits_each_way", nullable = false)
    private int visitsEachWay;
    @Column(name = "briefing_at")
    private Instant briefingAt;
    @Column(name = "debrief_at")
    private Instant debriefAt;
    private String place;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "exchange_round_organisation", joinColumns = @JoinColumn(name = "round_id"))
    @Column(name = "organisation_id", nullable = false)
    private Set<Long> organisationIds = new HashSet<>();
    @Column(name = "created_by_id")
    private Long createdById;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected ExchangeRound() {
    }

    ExchangeRound(long partnershipId, RoundForm form, Long createdById, Instant now) {
        this.partnershipId = partnershipId;
        this.createdById = createdById;
        this.createdAt = now;
        change(form);
    }

    final void change(RoundForm form) {
        if (form.visitsEachWay() < 1 || form.visitsEachWay() > VISITS_MAX || form.organisations().size() < 2
                || form.applicationsClose().isBefore(form.applicationsOpen())
                || form.endsOn().isBefore(form.startsOn()) || form.startsOn().isBefore(form.applicationsClose())) {
            throw new IllegalArgumentException("not a round");
        }
        this.name = form.name();
        this.applicationsOpen = form.applicationsOpen();
        this.applicationsClose = form.applicationsClose();
        this.startsOn = form.startsOn();
        this.endsOn = form.endsOn();
        this.visitsEachWay = form.visitsEachWay();
        this.briefingAt = form.briefingAt();
        this.debriefAt = form.debriefAt();
        this.place = form.place();
        this.organisationIds.clear();
        this.organisationIds.addAll(form.organisations());
    }

    boolean acceptsApplications(LocalDate today) {
        return !today.isBefore(applicationsOpen) && !today.isAfter(applicationsClose);
    }

    boolean during(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    Long getId() {
        return id;
    }

    Long getPartnershipId() {
        return partnershipId;
    }

    String getName() {
        return name;
    }

    LocalDate getApplicationsOpen() {
        return applicationsOpen;
    }

    LocalDate getApplicationsClose() {
        return applicationsClose;
    }

    LocalDate getStartsOn() {
        return startsOn;
    }

    LocalDate getEndsOn() {
        return endsOn;
    }

    int getVisitsEachWay() {
        return visitsEachWay;
    }

    Instant getBriefingAt() {
        return briefingAt;
    }

    Instant getDebriefAt() {
        return debriefAt;
    }

    String getPlace() {
        return place;
    }

    Set<Long> getOrganisationIds() {
        return Set.copyOf(organisationIds);
    }

    RoundForm form() {
        return new RoundForm(name, applicationsOpen, applicationsClose, startsOn, endsOn, visitsEachWay, briefingAt,
                debriefAt, place, Set.copyOf(organisationIds));
    }
}
