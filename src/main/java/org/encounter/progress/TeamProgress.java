package org.encounter.progress;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.encounter.identity.PersonRef;

/** A team's matrix as filtered: members (rows), modules (columns), cells, and totals per module and member. */
public record TeamProgress(long teamId, String teamName, List<PersonRef> members, List<ModuleColumn> modules,
                           Map<Long, Map<Long, Cell>> cells, Map<Long, Map<CellStatus, Integer>> totalsByModule,
                           Map<Long, Map<CellStatus, Integer>> totalsByMember) {

    public record ModuleColumn(long moduleId, String title) {
    }

    public java.util.stream.Stream<Cell> allCells() {
        return cells.values().stream().flatMap(m -> m.values().stream());
    }

    public Optional<Cell> cell(long learnerId, long moduleId) {
        return Optional.ofNullable(cells.getOrDefault(learnerId, Map.of()).get(moduleId));
    }
}
