package org.encounter.identity.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Optional;
import org.encounter.base.DeploymentWarnings;
import org.encounter.base.HomeSection;
import org.encounter.identity.CurrentPerson;
import org.encounter.identity.Role;
import org.encounter.identity.TeamService;
import org.encounter.identity.TeamSummary;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The home page's "what to do next" for each role that identity knows about. */
@Configuration(proxyBeanMethods = false)
class RoleHomeSections {

    @Bean
    HomeSection learnerHome(CurrentPerson current) {
        return guidance(current, Role.LEARNER, 10, "home.learner");
    }

    @Bean
    HomeSection managerHome(CurrentPerson current, TeamService teams) {
        return new HomeSection() {
            @Override
            public int order() {
                return 20;
            }

            @Override
            public Optional<Component> create() {
                if (!current.has(Role.MANAGER)) {
                    return Optional.empty();
                }
                Div card = card("home.manager");
                card.setId("home-manager");
                List<TeamSummary> managed = teams.myManagedTeams();
                if (managed.isEmpty()) {
                    card.add(new Paragraph(card.getTranslation("home.manager.no-teams")));
                } else {
                    UnorderedList list = new UnorderedList();
                    // Each team opens its progress page (team progress owns the route "team/{id}").
                    managed.forEach(t -> list.add(new ListItem(new com.vaadin.flow.component.html.Anchor("team/" + t.id(),
                            card.getTranslation("home.manager.team", t.name(), t.members().size())))));
                    card.add(list);
                }
                return Optional.of(card);
            }
        };
    }

    @Bean
    HomeSection authorHome(CurrentPerson current) {
        return guidance(current, Role.AUTHOR, 30, "home.author");
    }

    @Bean
    HomeSection curatorHome(CurrentPerson current) {
        return guidance(current, Role.CURATOR, 40, "home.curator");
    }

    @Bean
    HomeSection facilitatorHome(CurrentPerson current) {
        return guidance(current, Role.FACILITATOR, 50, "home.facilitator");
    }

    @Bean
    HomeSection adminHome(CurrentPerson current, DeploymentWarnings deployment) {
        return new HomeSection() {
            @Override
            public int order() {
                return 90;
            }

            @Override
            public Optional<Component> create() {
                if (!current.has(Role.ADMIN) && !current.has(Role.ORG_ADMIN)) {
                    return Optional.empty();
                }
                // A platform admin runs the installation (and sees its warnings); an organisation admin runs theirs.
                boolean platform = current.has(Role.ADMIN);
                Div card = card(platform ? "home.admin" : "home.org-admin");
                card.setId("home-admin");
                for (DeploymentWarnings.Warning warning : platform ? deployment.all() : List.<DeploymentWarnings.Warning>of()) {
                    Paragraph notice = new Paragraph(card.getTranslation(warning.messageKey()));
                    notice.addClassName("notice");
                    notice.addClassName("deployment-warning");
                    card.add(notice);
                }
                card.add(link(card, "menu.people", "admin/people"), link(card, "menu.teams", "admin/teams"),
                        link(card, "menu.invitations", "admin/invitations"));
                return Optional.of(card);
            }
        };
    }

    private static HomeSection guidance(CurrentPerson current, Role role, int order, String key) {
        return new HomeSection() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public Optional<Component> create() {
                if (!current.has(role)) {
                    return Optional.empty();
                }
                Div card = card(key);
                card.setId(key.replace('.', '-'));
                return Optional.of(card);
            }
        };
    }

    private static Div card(String key) {
        Div card = new Div();
        card.addClassName("home-card");
        card.add(new H2(card.getTranslation(key + ".title")), new Paragraph(card.getTranslation(key + ".text")));
        return card;
    }

    private static Button link(Component context, String labelKey, String route) {
        Button button = new Button(context.getTranslation(labelKey), e -> UI.getCurrent().navigate(route));
        button.getStyle().set("margin-inline-end", "var(--lumo-space-s)");
        return button;
    }
}
