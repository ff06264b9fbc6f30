package org.encounter.learning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.encounter.identity.CurrentPerson;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in person's own induction pathways, so their list can say which step of which path a module is. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class InductionService {

    /** The module is step {@code step} of {@code steps} on the pathway named {@code pathway}. */
    public record InductionStep(String pathway, int step, int steps) {
    }

    private final PathwayStarterRepository starters;
    private final PathwayRepository pathways;
    private final CurrentPerson currentPerson;

    InductionService(PathwayStarterRepository starters, PathwayRepository pathways, CurrentPerson currentPerson) {
        this.starters = starters;
        this.pathways = pathways;
        this.currentPerson = currentPerson;
    }

    /** By module id: where each module stands on the pathways the signed-in person was given. */
    public Map<Long, InductionStep> mine() {
        Map<Long, InductionStep> steps = new HashMap<>();
        List<Long> given = currentPerson.id().map(starters::findByPersonId).orElse(List.of()).stream()
                .map(PathwayStarter::getPathwayId).toList();
        for (Pathway p : pathways.findAllById(given)) {
            List<Long> modules = p.getModuleIds();
            for (int i = 0; i < modules.size(); i++) {
                steps.putIfAbsent(modules.get(i), new InductionStep(p.getName(), i + 1, modules.size()));
            }
        }
        return steps;
    }
}
