package org.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(EncounterApplication.class);

    @Test
    void features_respect_their_boundaries() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .contains("base", "identity");
        modules.verify();
    }

    @Test
    void base_depends_on_no_feature() {
        var base = modules.getModuleByName("base").orElseThrow();
        assertThat(base.getDirectDependencies(modules).uniqueModules().map(m -> m.getIdentifier().toString())).isEmpty();
    }
}
