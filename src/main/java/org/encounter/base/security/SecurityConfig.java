package org.encounter.base.security;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import java.util.Map;
import org.springframework.aop.Advisor;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthoritiesAuthorizationManager;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.authorization.method.Jsr250AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.core.GrantedAuthorityDefaults;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Form sign-in through the Vaadin login view, method security for the services (roles and
 * ownership are checked there, not only in views), a session registry so an admin can end
 * the sessions of an account they disable, and the security headers of {@link SecurityHeaders}.
 *
 * <p>{@code @PreAuthorize} comes from {@code @EnableMethodSecurity}; the JSR-250 annotations
 * ({@code @RolesAllowed}, {@code @PermitAll}, {@code @DenyAll}) are enforced by {@link #jsr250OnServices}, which
 * leaves Vaadin components alone.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    static final String LOGIN = "/login";

    /**
     * The one way to sign in is identity's throttled password check (an AuthenticationProvider
     * bean), given explicitly so Spring does not also build a plain password check beside it.
     */
    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessionRegistry,
                                            AuthenticationProvider signIn,
                                            ObjectProvider<AuthenticationEventPublisher> events) throws Exception {
        ProviderManager authentication = new ProviderManager(signIn);
        events.ifAvailable(authentication::setAuthenticationEventPublisher);
        http.authenticationManager(authentication);
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                // Stored images (authoring): any signed-in person; keys are random and unguessable.
                .requestMatchers("/media/**").authenticated());
        http.formLogin(form -> form.loginPage(LOGIN).failureHandler(failureHandler()));
        http.sessionManagement(sessions -> sessions.maximumSessions(-1).sessionRegistry(sessionRegistry)
                .expiredUrl(LOGIN + "?ended"));
        http.headers(SecurityHeaders::configure);
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LOGIN));
        return http.build();
    }

    /**
     * A wrong password, an unknown e-mail and too many tries all look the same. "Disabled" is only
     * ever raised after the right password (identity checks it after the password), so it may be said.
     */
    private static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            String reason = exception instanceof DisabledException ? "disabled" : "error";
            // The sign-in page offers the e-mail again, so a mistyped password costs only the password.
            String email = request.getParameter("username");
            if (email != null && email.length() <= 320) {
                request.getSession().setAttribute(LastSignIn.EMAIL, email);
            }
            response.sendRedirect(request.getContextPath() + LOGIN + "?" + reason);
        };
    }

    /**
     * JSR-250 method security as {@code @EnableMethodSecurity(jsr250Enabled = true)} would set it up, except that it
     * never applies to a Vaadin component. Views carry {@code @RolesAllowed} and {@code @PermitAll} for Vaadin's
     * router, which reads them itself; advising them made Spring build a CGLIB proxy for every view instance on every
     * navigation (38% of the CPU under load) and put an interceptor in front of every call on a view.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor jsr250OnServices(ObjectProvider<GrantedAuthorityDefaults> defaults,
                                    ObjectProvider<RoleHierarchy> roleHierarchy,
                                    ObjectProvider<SecurityContextHolderStrategy> strategy,
                                    ObjectProvider<AuthorizationEventPublisher> events) {
        Jsr250AuthorizationManager jsr250 = new Jsr250AuthorizationManager();
        defaults.ifAvailable(d -> jsr250.setRolePrefix(d.getRolePrefix()));
        roleHierarchy.ifAvailable(hierarchy -> {
            AuthoritiesAuthorizationManager authorities = new AuthoritiesAuthorizationManager();
            authorities.setRoleHierarchy(hierarchy);
            jsr250.setAuthoritiesAuthorizationManager(authorities);
        });
        AuthorizationManagerBeforeMethodInterceptor standard = AuthorizationManagerBeforeMethodInterceptor.jsr250(jsr250);
        Pointcut notOnComponents = new ComposablePointcut(standard.getPointcut())
                .intersection((ClassFilter) type -> !Component.class.isAssignableFrom(type));
        AuthorizationManagerBeforeMethodInterceptor interceptor =
                new AuthorizationManagerBeforeMethodInterceptor(notOnComponents, jsr250);
        interceptor.setOrder(standard.getOrder());
        strategy.ifAvailable(interceptor::setSecurityContextHolderStrategy);
        events.ifAvailable(interceptor::setAuthorizationEventPublisher);
        return interceptor;
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /**
     * New hashes are PBKDF2-HMAC-SHA256 (310,000 iterations, Spring Security's 5.8 defaults), which
     * takes passwords of any length: bcrypt refuses more than 72 bytes, and a long passphrase with
     * ä or ö reaches that well within the 128 characters the password policy allows. Existing
     * {@code {bcrypt}} hashes still verify and are replaced with PBKDF2 at the person's next sign-in.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        String current = "pbkdf2@SpringSecurity_v5_8";
        return new DelegatingPasswordEncoder(current, Map.of(
                current, Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
