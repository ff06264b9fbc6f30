package org.encounter.authoring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.encounter.base.InvalidInputException;
import org.encounter.base.Validation;
import org.encounter.identity.PersonDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The owner invites co-authors (by link or from existing accounts) and may remove them; each author sets their credit. */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class CoAuthorService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LINK_VALIDITY = Duration.ofDays(14);

    private final ModuleAuthorRepository authors;
    private final CoAuthorInvitationRepository invitations;
    private final ModuleAccess access;
    private final PersonDirectory directory;
    private final Clock clock;
    private final String publicUrl;

    CoAuthorService(ModuleAuthorRepository authors, CoAuthorInvitationRepository invitations, ModuleAccess access,
                    PersonDirectory directory, Clock clock, @Value("${encounter.public-url}") String publicUrl) {
        this.authors = authors;
        this.invitations = invitations;
        this.access = access;
        this.directory = directory;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/$", "");
    }

    /** A single-use link, valid for 14 days, that adds whoever opens it (signed in) as co-author. */
    public String createLink(long moduleId) {
        access.owned(moduleId);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        invitations.save(new CoAuthorInvitation(hash(token), moduleId, access.me(), now, now.plus(LINK_VALIDITY)));
        return publicUrl + "/authoring/join/" + token;
    }

    /** Joins the module the link is for; returns its id. */
    public long join(String token) {
        CoAuthorInvitation invitation = (token == null || token.length() > 100) ? null
                : invitations.findByTokenHash(hash(token)).orElse(null);
        if (invitation == null) {
            throw new InvalidInputException("", "coauthor.link-unknown");
        }
        long me = access.me();
        if (authors.existsById(new ModuleAuthor.Key(invitation.getModuleId(), me))) {
            return invitation.getModuleId();
        }
        if (!invitation.usable(clock.instant())) {
            throw new InvalidInputException("", invitation.used() ? "coauthor.link-used" : "coauthor.link-expired");
        }
        invitation.use(me, clock.instant());
        add(invitation.getModuleId(), me);
        return invitation.getModuleId();
    }

    /** Only someone the owner may pick (by name, in the organisations they work with; see {@link PersonDirectory}). */
    public void addExisting(long moduleId, long personId) {
        access.owned(moduleId);
        if (!directory.mayPick(java.util.List.of(personId)).contains(personId)) {
            throw new InvalidInputException("", "picker.not-pickable");
        }
        if (!authors.existsById(new ModuleAuthor.Key(moduleId, personId))) {
            add(moduleId, personId);
        }
    }

    public void remove(long moduleId, long personId) {
        access.owned(moduleId);
        ModuleAuthor author = authors.findById(new ModuleAuthor.Key(moduleId, personId))
                .orElseThrow(() -> new InvalidInputException("", "coauthor.not-an-author"));
        if (author.isOwner()) {
            throw new InvalidInputException("", "coauthor.cannot-remove-owner");
        }
        authors.delete(author);
    }

    /** How the signed-in author is credited on this module: their name, a pseudonym or a group's name. */
    public void setMyCredit(long moduleId, String credit) {
        access.authored(moduleId);
        String clean = Validation.clean(credit);
        Validation.start().text("credit", clean, Limits.CREDIT).check();
        authors.findById(new ModuleAuthor.Key(moduleId, access.me())).orElseThrow().credit(clean);
    }

    private void add(long moduleId, long personId) {
        String name = directory.find(personId).map(p -> p.displayName()).orElse("?");
        authors.save(new ModuleAuthor(moduleId, personId, name, false, clock.instant()));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
