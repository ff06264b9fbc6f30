package org.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.encounter.audit.AuditService;
import org.encounter.base.ui.HomeView;
import org.encounter.base.ui.MainLayout;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.security.access.AccessDeniedException;

/**
 * Views are created anew for every navigation, through Spring. Method security belongs on the services: were a
 * view wrapped in an AOP proxy (its {@code @RolesAllowed} or {@code @PermitAll} is for Vaadin's router), every
 * navigation would pay for building that proxy, and every call on the view would go through an interceptor.
 */
class ViewsAreNotProxiedTest extends KaribuTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("org.encounter");

    @Test
    void no_advice_of_the_application_applies_to_a_view_or_the_layout() {
        List<Class<?>> views = new ArrayList<>(ROUTES.getRoutes());
        views.addAll(ROUTES.getErrorRoutes());
        views.add(MainLayout.class);
        assertThat(views).hasSizeGreaterThan(40);
        List<Advisor> advisors = List.copyOf(context.getBeansOfType(Advisor.class).values());
        assertThat(advisors).isNotEmpty();

        Map<String, List<String>> advised = new LinkedHashMap<>();
        for (Class<?> view : views) {
            List<Advisor> applying = AopUtils.findAdvisorsThatCanApply(advisors, view);
            if (!applying.isEmpty()) {
                advised.put(view.getSimpleName(), applying.stream().map(a -> a.getClass().getSimpleName()).toList());
            }
        }
        assertThat(advised).as("views advised by").isEmpty();
    }

    @Test
    void views_are_created_as_themselves_when_a_learner_navigates() {
        signInAs("fiona" + ServiceTest.DOMAIN);
        for (String path : List.of("", "learn", "learn/mine", "certificates", "notifications", "stories", "sets")) {
            UI.getCurrent().navigate(path);
            Component view = UI.getCurrent().getCurrentView();
            assertThat(AopUtils.isAopProxy(view)).as(path).isFalse();
            assertThat(view.getClass().getName()).as(path).doesNotContain("$$");
        }
        Component created = VaadinService.getCurrent().getInstantiator().createRouteTarget(HomeView.class, null);
        assertThat(created.getClass()).isEqualTo(HomeView.class);
        assertThat(UI.getCurrent().getChildren().findFirst().orElseThrow().getClass())
                .isEqualTo(MainLayout.class).matches(c -> c.isAnnotationPresent(Layout.class));
    }

    @Test
    void services_are_still_guarded_by_their_roles() {
        signInAs("fiona" + ServiceTest.DOMAIN);
        AuditService audit = context.getBean(AuditService.class);
        assertThat(AopUtils.isAopProxy(audit)).isTrue();
        // The audit log is for admins (@RolesAllowed on the class), and its chain check for platform admins only.
        assertThatThrownBy(() -> audit.count(null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(audit::verifyChain).isInstanceOf(AccessDeniedException.class);
    }

    /** Vaadin's own access control looked the role prefix up through its Lookup (a class path scan) per navigation. */
    @Test
    void navigation_access_is_checked_by_the_control_that_keeps_its_role_prefix() {
        NavigationAccessControl control = context.getBean(NavigationAccessControl.class);
        assertThat(control.getClass().getName()).isEqualTo("org.encounter.base.security.NavigationRoles$PrefixKept");
        assertThat(control.isEnabled()).isTrue();
        signInAs("fiona" + ServiceTest.DOMAIN);
        UI.getCurrent().navigate("learn");
        assertThat(UI.getCurrent().getCurrentView().getClass().getSimpleName()).isEqualTo("CatalogueView");
        assertThatThrownBy(() -> UI.getCurrent().navigate("admin/certificates"))
                .isInstanceOfAny(AccessDeniedException.class, com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
    }
}
