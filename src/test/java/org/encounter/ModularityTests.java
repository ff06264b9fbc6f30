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

    @Test
    void the_exchange_uses_only_sets_certificates_identity_and_base() {
        var exchange = modules.getModuleByName("exchange").orElseThrow();
        assertThat(exchange.getDirectDependencies(modules).uniqueModules().map(m -> m.getIdentifier().toString()))
                .isSubsetOf("sets", "certificates", "identity", "base");
    }
}
