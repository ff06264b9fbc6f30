package org.encounter.progress;

import java.util.List;

/**
 * Impact of one module: per impact statement the average change from the start to the report-back rating,
 * and the share of learners who tried their planned action — for a team (null when not asked for a team)
 * and for everyone. An average or share is null where fewer than five people answered.
 */
public record ModuleImpact(long moduleId, String title, List<Statement> statements, Figure teamTried,
                           Figure everyoneTried) {

    public record Statement(String text, Figure team, Figure everyone) {
    }

    /** How many people answered, and the figure (null below five answers). */
    public record Figure(int people, Double value) {

        public boolean shown() {
            return value != null;
        }
    }
}
