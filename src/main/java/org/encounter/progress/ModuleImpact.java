package org.encounter.progress;

import java.util.List;

/**
 * Impact of one module: per impact statement the average change from the start to the report-back rating,
 * and the share of learners who tried their planned action — for a team (null when not asked for a team)
 * and for everyone. Figures come only from released cohorts of five ({@link ImpactRelease}).
 */
public record ModuleImpact(long moduleId, String title, List<Statement> statements, Figure teamTried,
                           Figure everyoneTried) {

    public record Statement(String text, Figure team, Figure everyone) {
    }

    /**
     * How many people's answers are released (a multiple of five), their average (null when none is released),
     * and how many newer answers wait for their cohort of five.
     */
    public record Figure(int people, Double value, int waiting) {

        public boolean shown() {
            return value != null;
        }
    }
}
