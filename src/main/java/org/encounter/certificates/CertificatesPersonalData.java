package org.encounter.certificates;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.encounter.base.PersonalData;
import org.encounter.base.PersonalExport;
import org.encounter.base.StoredText;
import org.encounter.identity.PersonDirectory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A person's certificates: exported with their signed PDFs; after erasure they stay, still verifiable, naming no one
 * ("issued to a person whose data has been erased"). The PDF the person downloaded before keeps its signature: it is
 * a file, never touched, and its code still verifies.
 *
 * <p>Erases before the authoring and learning features ({@link Order}): the credits printed on other people's
 * certificates are found by the erased author's credit on each module, which authoring may rewrite.
 */
@Component
@Order(CertificatesPersonalData.ORDER)
class CertificatesPersonalData implements PersonalData {

    /** Ahead of features left unordered (authoring rewrites the credits this reads); identity erases last. */
    static final int ORDER = 100;
    /** What learner_name (NOT NULL) holds once the holder's data is erased; never shown (holder_erased_at is). */
    static final String ERASED_MARKER = "-";
    /** How an erased author who asked for it is credited on other people's certificates, as on the module. */
    static final String CO_DESIGNER = "a co-designer";
    private static final int PAGE = 200;

    private final CertificateRepository certificates;
    private final CertificatePdf pdf;
    private final PersonDirectory directory;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CertificatesPersonalData(CertificateRepository certificates, CertificatePdf pdf, PersonDirectory directory,
                             JdbcTemplate jdbc, Clock clock) {
        this.certificates = certificates;
        this.pdf = pdf;
        this.directory = directory;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "certificates";
    }

    @Override
    public List<Holding> holdings() {
        return List.of(
                Holding.of("certificate", "whom a certificate was issued to and who co-designed the module, as printed",
                        Treatment.ANONYMISED, "learner_id", "learner_name", "credits"),
                Holding.of("certificate", "what a certificate states, as printed, so that anyone can still verify it",
                        Treatment.KEPT, "code", "organisation", "partnership_name", "module_title",
                        "programme_reference", "partner_organisation", "revoked_reason"),
                Holding.codes("certificate", "programme"));
    }

    /** Every certificate as a record, then each one's signed PDF, rendered now as the system in their language. */
    @Override
    public void export(long personId, PersonalExport out) throws IOException {
        for (List<Certificate> page = page(personId, 0); !page.isEmpty(); page = next(personId, page)) {
            for (Certificate c : page) {
                CertificateView v = c.view();
                out.record("certificate", "code", v.code(), "name", v.learnerName(), "module", v.moduleTitle(),
                        "programme", v.programme(), "version", v.isProgramme() ? null : v.versionNumber(),
                        "credits", v.credits(), "organisation", v.organisation(), "partnership", v.partnership(),
                        "partnerOrganisation", v.partnerOrganisation(), "completedAt", v.completedAt(),
                        "issuedAt", v.issuedAt(), "validUntil", v.validUntil(), "revokedAt", v.revokedAt(),
                        "revokedReason", v.revokedReason());
            }
        }
        Locale locale = directory.contact(personId).map(c -> Locale.forLanguageTag(c.language()))
                .orElse(Locale.ENGLISH);
        for (List<Certificate> page = page(personId, 0); !page.isEmpty(); page = next(personId, page)) {
            for (Certificate c : page) {
                CertificateView v = c.view();
                byte[] signed = pdf.render(v, c.getCode(), locale);
                try (OutputStream file = out.file(v.code() + ".pdf")) {
                    file.write(signed);
                }
            }
        }
    }

    private List<Certificate> page(long personId, long afterId) {
        return certificates.findTop200ByLearnerIdAndIdGreaterThanOrderByIdAsc(personId, afterId);
    }

    private List<Certificate> next(long personId, List<Certificate> page) {
        return page.size() < PAGE ? List.of() : page(personId, page.getLast().getId());
    }

    /**
     * The holder's certificates stay and stay verifiable, without their name. Credits on other people's certificates
     * of modules they co-designed say "a co-designer" when they asked for it; otherwise the name they chose stays, as
     * on the module.
     */
    @Override
    public void erase(long personId, ErasureChoices choices) {
        if (choices.creditAsCoDesigner()) {
            creditAsCoDesigner(personId);
        }
        jdbc.update("""
                update certificate set learner_name = ?, holder_erased_at = coalesce(holder_erased_at, ?)
                where learner_id = ?""", ERASED_MARKER,
                Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)), personId);
    }

    /**
     * A module certificate's credits are its version's authors' credits joined by ", " at publishing (module_author,
     * read here as it is: the authoring feature offers no look-up by person). Each module's credit of the person, and
     * their names (the usual credit), become "a co-designer" wherever they stand as a whole credit.
     */
    private void creditAsCoDesigner(long personId) {
        List<Object[]> authored = jdbc.query("select module_id, credit from module_author where person_id = ?",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}, personId);
        if (authored.isEmpty()) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        directory.registered(personId).ifPresent(r -> names.add(r.name()));
        names.addAll(directory.displayNames(List.of(personId)).values());
        for (Object[] row : authored) {
            Set<String> theirs = new LinkedHashSet<>();
            theirs.add((String) row[1]);
            theirs.addAll(names);
            theirs.removeIf(n -> n == null || n.isBlank() || n.equals(CO_DESIGNER));
            for (String name : theirs) {
                replaceIn((Long) row[0], name);
            }
        }
    }

    /** Rewrites the credits holding {@code name} on one module's certificates, page by page. */
    private void replaceIn(long moduleId, String name) {
        long after = 0;
        List<Object[]> page;
        do {
            page = jdbc.query("""
                    select id, credits from certificate where module_id = ? and id > ?
                    and credits like concat('%', ?, '%') order by id limit""" + " " + PAGE,
                    (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}, moduleId, after, likeEscaped(name));
            List<Object[]> updates = new ArrayList<>();
            for (Object[] row : page) {
                after = (Long) row[0];
                String credits = (String) row[1];
                String replaced = credited(credits, List.of(name), CO_DESIGNER);
                if (!replaced.equals(credits)) {
                    updates.add(new Object[] {StoredText.truncate(replaced, 1000), row[0]});
                }
            }
            if (!updates.isEmpty()) {
                jdbc.batchUpdate("update certificate set credits = ? where id = ?", updates);
            }
        } while (page.size() == PAGE);
    }

    /**
     * Credits with each of {@code names} that stands as a whole credit (between the start or ", " and ", " or the
     * end) replaced by {@code with}; a longer name first, so "Emma Lehtonen" is not read as "Emma".
     */
    static String credited(String credits, Collection<String> names, String with) {
        String result = credits;
        for (String name : names.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            StringBuilder out = new StringBuilder();
            int from = 0;
            int at;
            while ((at = result.indexOf(name, from)) >= 0) {
                int end = at + name.length();
                boolean starts = at == 0 || result.startsWith(", ", at - 2);
                boolean ends = end == result.length() || result.startsWith(", ", end);
                out.append(result, from, at).append(starts && ends ? with : name);
                from = end;
            }
            result = out.append(result.substring(from)).toString();
        }
        return result;
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
