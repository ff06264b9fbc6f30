package org.encounter;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(EncounterApplication.class);

    @Test
    void features_respect_their_boundaries() {
        modules.verify();
    }
}
