package org.encounter.learning;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Where starters are on their pathway: how many of its modules each has completed (in any order, before joining
 * too), and whether a step not yet completed is past its due date. Two queries for any number of starters.
 */
@Component
class PathwayProgress {

    /** One starter's state: {@code done} of {@code steps} modules completed; overdue when a step is late. */
    record State(PathwayStarter starter, int done, int steps, boolean overdue) {

        boolean completed() {
            return done == steps;
        }
    }

    private final PathwayStarterRepository starters;

    PathwayProgress(PathwayStarterRepository starters) {
        this.starters = starters;
    }

    List<State> of(Pathway pathway, List<PathwayStarter> who, LocalDate today) {
        if (who.isEmpty()) {
            return List.of();
        }
        List<Long> modules = pathway.getModuleIds();
        Set<String> done = new HashSet<>();
        starters.completions(who.stream().map(PathwayStarter::getPersonId).collect(Collectors.toSet()), modules)
                .forEach(row -> done.add(row[0] + ":" + row[1]));
        return who.stream().map(s -> {
            int completed = 0;
            boolean overdue = false;
            for (int i = 0; i < modules.size(); i++) {
                if (done.contains(s.getPersonId() + ":" + modules.get(i))) {
                    completed++;
                } else if (pathway.due(i, s.getJoinedOn()).isBefore(today)) {
                    overdue = true;
                }
            }
            return new State(s, completed, modules.size(), overdue);
        }).toList();
    }
}
