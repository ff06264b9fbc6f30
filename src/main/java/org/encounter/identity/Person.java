package org.encounter.identity;

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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.encounter.base.Languages;
import org.encounter.base.StoredText;

@Entity
class Person {

    static final int EMAIL_MAX = 254;
    static final int NAME_MAX = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @Column(nullable = false, length = EMAIL_MAX)
    private String email;

    @Column(name = "display_name", nullable = false, length = NAME_MAX)
    private String displayName;

    /** The name certificates print: set by an admin, or confirmed by one when the person asks. */
    @Column(name = "registered_name", nullable = false, length = NAME_MAX)
    private String registeredName;

    @Column(name = "requested_name", length = NAME_MAX)
    private String requestedName;

    @Column(name = "name_requested_at")
    private Instant nameRequestedAt;

    @Column(length = 5)
    private String language;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "person_role", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "role", length = 20)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Version
    private long version;

    protected Person() {
    }

    Person(Organisation organisation, String email, String displayName, String registeredName, String passwordHash,
           Instant createdAt) {
        this.organisation = Objects.requireNonNull(organisation);
        changeEmail(email);
        rename(displayName);
        register(registeredName);
        changePasswordHash(passwordHash);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    static String normaliseEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** Stored lower-cased and stripped; the limit applies to that (a service checks it first, with a message). */
    void changeEmail(String email) {
        String normalised = StoredText.require(normaliseEmail(email), EMAIL_MAX, "an e-mail address");
        if (!normalised.contains("@")) {
            throw new IllegalArgumentException("not an e-mail address");
        }
        this.email = normalised;
    }

    void rename(String displayName) {
        this.displayName = StoredText.require(displayName == null ? null : displayName.strip(), NAME_MAX, "a display name");
    }

    /** An admin's decision; it settles any open request. */
    void register(String registeredName) {
        this.registeredName = StoredText.require(registeredName == null ? null : registeredName.strip(), NAME_MAX,
                "a registered name");
        this.requestedName = null;
        this.nameRequestedAt = null;
    }

    /** The person asks for another registered name; a new request replaces an open one. */
    void requestRegisteredName(String name, Instant now) {
        this.requestedName = StoredText.require(name == null ? null : name.strip(), NAME_MAX, "a registered name");
        this.nameRequestedAt = Objects.requireNonNull(now);
    }

    void declineNameRequest() {
        this.requestedName = null;
        this.nameRequestedAt = null;
    }

    void changeLanguage(String language) {
        if (language != null && !Languages.isSupported(language)) {
            throw new IllegalArgumentException("unsupported language " + language);
        }
        this.language = language;
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash);
    }

    void assignRoles(Set<Role> newRoles) {
        if (newRoles.isEmpty()) {
            throw new IllegalArgumentException("a person needs at least one role");
        }
        roles.clear();
        roles.addAll(newRoles);
    }

    void disable() {
        enabled = false;
    }

    void enable() {
        enabled = true;
    }

    Long getId() {
        return id;
    }

    Organisation getOrganisation() {
        return organisation;
    }

    String getEmail() {
        return email;
    }

    String getDisplayName() {
        return displayName;
    }

    String getRegisteredName() {
        return registeredName;
    }

    String getRequestedName() {
        return requestedName;
    }

    Instant getNameRequestedAt() {
        return nameRequestedAt;
    }

    String getLanguage() {
        return language;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    boolean isEnabled() {
        return enabled;
    }

    Set<Role> getRoles() {
        return Set.copyOf(roles);
    }
}
