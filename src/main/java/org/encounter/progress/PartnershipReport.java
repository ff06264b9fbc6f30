package org.encounter.progress;

import java.util.List;

/**
 * A partnership's learning, per module it shares or has shared: one row per current member organisation and a
 * combined row. Aggregates only — organisation names, module titles, impact statements and numbers; never a person.
 * Completions are released in whole fives ({@link Row#completions()}), impact and "tried it" in closed cohorts of
 * five ({@link ImpactRelease}).
 */
public record PartnershipReport(long partnershipId, String name, List<ModuleRows> modules) {

    /** One module's rows: the members' in name order, then the combined one. */
    public record ModuleRows(long moduleId, String title, List<String> statements, List<Row> rows) {
    }

    /**
     * One organisation's figures on a module, or the combined figures ({@code organisation} null). Completions are
     * rounded down to a multiple of five ({@code 0} means fewer than five); the combined row adds the members'
     * rounded figures, so it never reveals what rounding hid. Impact figures carry no waiting answers.
     */
    public record Row(String organisation, long completions, ModuleImpact.Figure tried,
                      List<ModuleImpact.Figure> statements) {

        public boolean combined() {
            return organisation == null;
        }
    }
}
