package org.encounter.progress;

import com.vaadin.flow.i18n.I18NProvider;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.encounter.authoring.ModuleSharing;
import org.encounter.authoring.PublishedModule;
import org.encounter.authoring.PublishedModules;
import org.encounter.base.Csv;
import org.encounter.identity.OrganisationNames;
import org.encounter.identity.OrganisationScope;
import org.encounter.identity.Role;
import org.encounter.learning.LearningFacts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partnership report, for its coordinators and the platform admin: completions, impact and "tried it" per current
 * member organisation and combined, as a screen or CSV, without a person's name anywhere.
 *
 * <p>What counts: learning on the modules the partnership shares now or has ever shared (a share that ended keeps the
 * learning done through it), by the people of its current member organisations, whenever they did it. Completions
 * count for the organisation the learner belonged to as they completed; an organisation that leaves leaves the
 * report. Release: impact and "tried it" are sums of whole released cohorts of five (per organisation, the cohorts of
 * its teams and of its own scope; see {@link ImpactRelease} for why no third cohort was added). Completions are
 * released in whole fives per organisation, and the combined row adds released figures only. Any other partnership
 * is "not found".
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
public class PartnershipReportService {

    private final OrganisationScope scope;
    private final OrganisationNames names;
    private final ModuleSharing sharing;
    private final PublishedModules published;
    private final LearningFacts learning;
    private final ImpactRelease release;
    private final I18NProvider i18n;

    PartnershipReportService(OrganisationScope scope, OrganisationNames names, ModuleSharing sharing,
                             PublishedModules published, LearningFacts learning, ImpactRelease release,
                             I18NProvider i18n) {
        this.scope = scope;
        this.names = names;
        this.sharing = sharing;
        this.published = published;
        this.learning = learning;
        this.release = release;
        this.i18n = i18n;
    }

    public PartnershipReport report(long partnershipId) {
        scope.requireCoordinated(partnershipId);
        Set<Long> members = scope.currentMembers(partnershipId);
        List<Map.Entry<Long, String>> organisations = names.organisations(members).entrySet().stream()
                .sorted(Map.Entry.comparingByValue(String.CASE_INSENSITIVE_ORDER)).toList();
        Set<Long> moduleIds = sharing.everShared(partnershipId);
        Map<Long, PublishedModule> modules = published.latest(moduleIds);
        Map<Long, Map<Long, Long>> completions = learning.completionsByMember(partnershipId, moduleIds);
        Map<Long, Map<String, ImpactRelease.Released>> released = release.releasedIn(members, moduleIds);
        List<PartnershipReport.ModuleRows> result = new ArrayList<>();
        for (PublishedModule module : modules.values()) {
            List<PartnershipReport.Row> rows = new ArrayList<>();
            long combinedCompletions = 0;
            for (Map.Entry<Long, String> organisation : organisations) {
                long done = inFives(completions.getOrDefault(organisation.getKey(), Map.of())
                        .getOrDefault(module.moduleId(), 0L));
                combinedCompletions += done;
                rows.add(row(organisation.getValue(), done, module, List.of(released.get(organisation.getKey()))));
            }
            rows.add(row(null, combinedCompletions, module, organisations.stream()
                    .map(o -> released.get(o.getKey())).toList()));
            result.add(new PartnershipReport.ModuleRows(module.moduleId(), module.title(), module.statements(), rows));
        }
        result.sort(Comparator.comparing(PartnershipReport.ModuleRows::title, String.CASE_INSENSITIVE_ORDER));
        return new PartnershipReport(partnershipId, names.partnerships(Set.of(partnershipId)).get(partnershipId),
                result);
    }

    /** The report as CSV, one line per module, organisation and figure, headed in the reader's language. */
    public byte[] csv(long partnershipId, Locale locale) {
        PartnershipReport report = report(partnershipId);
        Csv csv = new Csv(t("partnership-report.csv.module", locale), t("partnership-report.csv.organisation", locale),
                t("partnership-report.csv.figure", locale), t("partnership-report.csv.people", locale),
                t("partnership-report.csv.value", locale));
        for (PartnershipReport.ModuleRows m : report.modules()) {
            for (PartnershipReport.Row r : m.rows()) {
                String who = r.combined() ? t("partnership-report.combined", locale) : r.organisation();
                csv.row(m.title(), who, t("partnership-report.completions", locale), r.completions(), "");
                for (int i = 0; i < m.statements().size(); i++) {
                    ModuleImpact.Figure f = r.statements().get(i);
                    csv.row(m.title(), who, m.statements().get(i), f.people(), number(f));
                }
                csv.row(m.title(), who, t("impact.tried", locale), r.tried().people(), number(r.tried()));
            }
        }
        return csv.bytes();
    }

    /** Completions released in whole fives: 0 to 4 read as 0 ("fewer than five"). */
    static long inFives(long completions) {
        return completions - completions % ImpactRelease.COHORT;
    }

    private static PartnershipReport.Row row(String organisation, long completions, PublishedModule module,
                                             List<Map<String, ImpactRelease.Released>> released) {
        List<ModuleImpact.Figure> statements = new ArrayList<>();
        for (int i = 0; i < module.statements().size(); i++) {
            statements.add(sum(released, ImpactRelease.key(module.moduleId(), i)));
        }
        return new PartnershipReport.Row(organisation, completions,
                sum(released, ImpactRelease.key(module.moduleId(), ImpactRelease.TRIED)), statements);
    }

    /** Whole released cohorts added up; waiting answers are left out of a report that crosses organisations. */
    private static ModuleImpact.Figure sum(List<Map<String, ImpactRelease.Released>> released, String key) {
        int people = 0;
        long total = 0;
        for (Map<String, ImpactRelease.Released> r : released) {
            ImpactRelease.Released one = r.get(key);
            if (one != null) {
                people += one.people();
                total += one.sum();
            }
        }
        return new ModuleImpact.Figure(people, people == 0 ? null : (double) total / people, 0);
    }

    private static String number(ModuleImpact.Figure f) {
        return f.shown() ? String.format(Locale.ROOT, "%.2f", f.value()) : "";
    }

    private String t(String key, Locale locale) {
        return i18n.getTranslation(key, locale);
    }
}
