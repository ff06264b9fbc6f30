package org.encounter;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Each application context makes its own Vaadin-aware security-context strategy and installs it as the
 * global one when it starts. Tests from several cached contexts in one JVM would otherwise sign in through
 * the newest context's holder while an older context's services look in their own. Before each test, this
 * puts back the strategy of the context that test runs against.
 */
public class OwnSecurityContextHolder implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext extension) {
        SpringExtension.getApplicationContext(extension).getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }
}
