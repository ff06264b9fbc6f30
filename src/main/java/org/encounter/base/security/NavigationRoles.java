package org.encounter.base.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.SpringNavigationAccessControl;
import com.vaadin.flow.spring.security.VaadinRolePrefixHolder;
import java.util.Collection;
import java.util.function.Predicate;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Vaadin checks every navigation against the view's access rules. To do so, its Spring access control looked the
 * role prefix up through Vaadin's {@code Lookup} on every navigation, and that look-up lists the service files of
 * every jar on the class path each time: 6% of the CPU under load (bench/RESULTS.md). This swaps in the same access
 * control, built by the same configurer from the same checkers, that keeps the prefix holder it was given. The
 * checks themselves are Vaadin's: {@code AccessMatrixTest} walks every route as every kind of person.
 */
@Component
class NavigationRoles implements BeanPostProcessor, BeanFactoryAware {

    private BeanFactory beans;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beans = beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean.getClass() != SpringNavigationAccessControl.class) {
            return bean;
        }
        VaadinRolePrefixHolder prefix = beans.getBean(VaadinRolePrefixHolder.class);
        return beans.getBean(NavigationAccessControlConfigurer.class).build(
                (checkers, resolver) -> new PrefixKept(checkers, resolver, prefix),
                beans.getBeanProvider(NavigationAccessChecker.class).orderedStream().toList());
    }

    /** Vaadin's Spring access control, with the role prefix holder looked up once. */
    static final class PrefixKept extends SpringNavigationAccessControl {
        private final transient VaadinRolePrefixHolder prefix;

        PrefixKept(Collection<NavigationAccessChecker> checkers, AccessCheckDecisionResolver resolver,
                   VaadinRolePrefixHolder prefix) {
            super(checkers, resolver);
            this.prefix = prefix;
        }

        /** What Vaadin does for an ordinary request (no push here): set the prefix once, then ask the request. */
        @Override
        protected Predicate<String> getRolesChecker(VaadinRequest request) {
            if (request == null || request.getService() == null) {
                return super.getRolesChecker(request);
            }
            if (!prefix.isSet()) {
                prefix.resetRolePrefix(request);
            }
            return request::isUserInRole;
        }
    }
}
