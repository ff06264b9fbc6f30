package org.encounter.identity;

import org.encounter.base.RecordNotFound;

import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.encounter.base.InvalidInputException;
import org.encounter.base.Languages;
import org.encounter.base.Validation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitation links: an admin presets roles and a team of an organisation they administer (see
 * {@link OrganisationScope}; only a platform admin may offer the platform admin role); the person opening the link sets up
 * their own account. Links expire and work once. The token has 256 bits of randomness and only
 * its SHA-256 hash is stored, so a database leak reveals no usable link.
 */
@Service
@Transactional(readOnly = true)
public class InvitationService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final InvitationRepository invitations;
    private final OrganisationRepository organisations;
    private final TeamRepository teams;
    private final PersonRepository people;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final CurrentPerson currentPerson;
    private final OrganisationScope scope;
    private final Clock clock;
    private final Duration validity;
    private final String publicUrl;
    private final org.springframework.context.ApplicationEventPublisher events;

    InvitationService(InvitationRepository invitations, OrganisationRepository organisations, TeamRepository teams,
                      PersonRepository people, PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder,
                      CurrentPerson currentPerson, OrganisationScope scope, Clock clock,
                      @Value("${encounter.invitations.validity}") Duration validity,
                      @Value("${encounter.public-url}") String publicUrl,
                      org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.invitations = invitations;
        this.organisations = organisations;
        this.teams = teams;
        this.people = people;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.currentPerson = currentPerson;
        this.scope = scope;
        this.clock = clock;
        this.validity = validity;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
    @Transactional
    public CreatedInvitation create(Long organisationId, Long teamId, Set<Role> roles, String registeredName,
                                    String note) {
        String cleanNote = Validation.clean(note);
        String name = Validation.clean(registeredName);
        Validation.start()
                .require("organisation", organisationId != null, "validation.required")
                .text("registeredName", name, Person.NAME_MAX)
                .require("roles", roles != null && !roles.isEmpty(), "validation.choose-one")
                .optionalText("note", cleanNote, Invitation.NOTE_MAX)
                .require("roles", roles == null || !roles.contains(Role.ADMIN) || currentPerson.has(Role.ADMIN),
                        "person.platform-admin-only")
                .check();
        scope.requireAdministered("organisation", organisationId, organisationId);
        Organisation organisation = organisations.findById(organisationId)
                .orElseThrow(() -> new RecordNotFound("organisation", organisationId));
        Team team = null;
        if (teamId != null) {
            team = teams.findById(teamId).orElseThrow(() -> new RecordNotFound("team", teamId));
            if (!team.getOrganisation().getId().equals(organisationId)) {
                throw new InvalidInputException("team", "invitation.team-other-organisation");
            }
        }
        Person creator = people.getReferenceById(currentPerson.requireId());
        String token = newToken();
        Instant now = clock.instant();
        Invitation invitation = invitations.save(new Invitation(hash(token), organisation, team, roles, name,
                cleanNote == null || cleanNote.isEmpty() ? null : cleanNote, creator, now, now.plus(validity)));
        events.publishEvent(new org.encounter.base.Audited(currentPerson.id().orElse(null), "invitation-sent", "invitation",
                invitation.getId().toString(), organisationId, "roles=" + roles.stream().map(Role::name).sorted()
                        .collect(java.util.stream.Collectors.joining(",")) + (teamId == null ? "" : ";team=" + teamId)));
        return new CreatedInvitation(invitation.getId(), publicUrl + "/invite/" + token, invitation.getExpiresAt());
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
    public List<InvitationSummary> page(Pageable pageable) {
        Instant now = clock.instant();
        OrganisationScope.Scope in = scope.administered();
        return invitations.findAllWithTeam(in.everywhere(), in.forQuery(),
                        Paging.sorted(pageable, Sort.by(Sort.Direction.DESC, "createdAt")))
                .map(i -> new InvitationSummary(i.getId(), i.getRoles(), i.getOrganisation().getName(),
                        i.getTeam() == null ? null : i.getTeam().getName(), i.getNote(), i.getCreatedAt(),
                        i.getExpiresAt(), i.status(now), i.getUsedBy() == null ? null : i.getUsedBy().getDisplayName()))
                .getContent();
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
    @Transactional
    public void revoke(long id) {
        Invitation invitation = invitations.findById(id).orElseThrow(() -> new RecordNotFound("invitation", id));
        scope.requireAdministered("invitation", invitation.getOrganisation().getId(), id);
        invitation.revoke(clock.instant());
        events.publishEvent(new org.encounter.base.Audited(currentPerson.id().orElse(null), "invitation-revoked",
                "invitation", Long.toString(id), invitation.getOrganisation().getId(), null));
    }

    /** Anyone holding the link may see what it offers, and whether it still works. */
    public Optional<InvitationPreview> preview(String token) {
        return find(token).map(i -> new InvitationPreview(i.status(clock.instant()), i.getOrganisation().getName(),
                i.getTeam() == null ? null : i.getTeam().getName(), i.getRoles(), i.getRegisteredName()));
    }

    /**
     * Sets up the account the invitation offers; the invitation can't be used again. The person chooses their
     * display name; their registered name is the one the inviting admin gave (for a link made before names were
     * registered, the name given here, which an admin can correct).
     */
    @Transactional
    public long accept(String token, String displayName, String email, String password, String language) {
        Invitation invitation = find(token).orElseThrow(() -> new InvalidInputException("", "invitation.unknown"));
        InvitationStatus status = invitation.status(clock.instant());
        if (status != InvitationStatus.OPEN) {
            throw new InvalidInputException("", "invitation.not-open." + status.name().toLowerCase());
        }
        String name = Validation.clean(displayName);
        String mail = Person.normaliseEmail(email);
        Validation v = Validation.start().text("displayName", name, Person.NAME_MAX).email("email", mail)
                .require("language", language == null || Languages.isSupported(language), "validation.choose-one");
        v.require("email", v.hasError("email") || !people.existsByEmail(mail), "person.email-taken");
        passwordPolicy.problem(password).ifPresent(key -> v.error("password", key));
        v.check();

        Instant now = clock.instant();
        String registered = invitation.getRegisteredName() == null ? name : invitation.getRegisteredName();
        Person person = new Person(invitation.getOrganisation(), mail, name, registered,
                passwordEncoder.encode(password), now);
        person.assignRoles(invitation.getRoles());
        person.changeLanguage(language);
        people.save(person);
        Team team = invitation.getTeam();
        if (team != null) {
            if (invitation.getRoles().contains(Role.MANAGER)) {
                team.getManagers().add(person);
            } else {
                team.addMember(person);
            }
        }
        invitation.markUsed(person, now);
        events.publishEvent(new PersonJoined(person.getId(), invitation.getOrganisation().getId(), now));
        events.publishEvent(new org.encounter.base.Audited(person.getId(), "invitation-accepted", "invitation",
                invitation.getId().toString(), invitation.getOrganisation().getId(), "person=" + person.getId()));
        return person.getId();
    }

    private Optional<Invitation> find(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return invitations.findByTokenHash(hash(token));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
