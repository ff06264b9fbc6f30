package org.encounter.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DemoWorldSwitchTest {

    @Test
    void the_demo_world_can_be_switched_off_by_a_setting() {
        new ApplicationContextRunner()
                .withPropertyValues("encounter.demo.enabled=false")
                .withUserConfiguration(DemoWorld.class)
                .run(context -> assertThat(context).doesNotHaveBean(DemoWorld.class));
    }
}
