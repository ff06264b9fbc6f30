package org.encounter.authoring.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.encounter.authoring.Limits;
import org.encounter.authoring.ModuleService;
import org.encounter.authoring.ModuleSummary;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.LengthLimit;
import org.encounter.identity.CurrentPerson;
import org.encounter.identity.Role;
import org.encounter.base.ui.Markup;

/** An author's modules, and where a new one starts. */
@Route("authoring")
@RolesAllowed(Role.Names.AUTHOR)
@Menu(order = 20, title = "menu.my-modules", icon = "vaadin:edit")
public class MyModulesView extends VerticalLayout implements HasDynamicTitle {

    public MyModulesView(ModuleService modules, CurrentPerson me) {
        addClassName("view");
        add(new H1(getTranslation("authoring.title")), new Paragraph(getTranslation("authoring.intro")));

        TextField title = LengthLimit.apply(new TextField(getTranslation("module.title")), Limits.TITLE);
        title.setId("new-module-title");
        title.setWidthFull();
        title.setHelperText(getTranslation("authoring.new.title.help"));
        Select<String> language = new Select<>();
        language.setLabel(getTranslation("module.language"));
        language.setItems("en", "fi", "sv");
        language.setItemLabelGenerator(code -> getTranslation("language." + code));
        language.setValue(me.language().orElse(getLocale().getLanguage().matches("fi|sv") ? getLocale().getLanguage() : "en"));
        Button create = new Button(getTranslation("authoring.new.create"), e -> {
            try {
                long id = modules.create(title.getValue(), language.getValue());
                UI.getCurrent().navigate("authoring/" + id);
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, Map.<String, HasValidation>of("title", title, "language", language));
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-module-create");
        Div start = new Div(Markup.element("h2", getTranslation("authoring.new")), title, language, create);
        start.addClassName("home-card");
        add(start);

        List<ModuleSummary> mine = modules.myModules();
        add(Markup.element("h2", getTranslation("authoring.mine")));
        if (mine.isEmpty()) {
            add(new Paragraph(getTranslation("authoring.none")));
        }
        for (ModuleSummary m : mine) {
            Button open = org.encounter.base.ui.ShortButton.create(getTranslation("authoring.open.short"),
                    getTranslation("authoring.open", m.title()),
                    e -> UI.getCurrent().navigate("authoring/" + m.id()));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            // The card's texts as one piece of markup, its button a component (see Markup).
            Div card = new Div(new Markup().add("h2", m.title())
                    .add("span", getTranslation(m.status().labelKey()), "theme", "badge")
                    .add("p", getTranslation("module.co-designed-by", String.join(", ", m.credits()))), open);
            card.addClassName("home-card");
            card.addClassName("module-card");
            add(card);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("authoring.title") + " · " + getTranslation("app.name");
    }
}
