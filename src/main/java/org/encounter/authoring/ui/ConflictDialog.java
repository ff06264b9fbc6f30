package org.encounter.authoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.function.SerializableConsumer;
import org.encounter.authoring.StepContent;
import org.encounter.authoring.StepView;

/** Two people saved the same step: show both texts in plain words and let the author keep either. */
class ConflictDialog extends Dialog {

    ConflictDialog(StepView theirs, StepContent mine, SerializableConsumer<Boolean> keepMine) {
        setHeaderTitle(getTranslation("conflict.title"));
        setId("conflict-dialog");
        String who = theirs.updatedBy() == null ? getTranslation("conflict.someone") : theirs.updatedBy();
        Div body = new Div(new Paragraph(getTranslation("conflict.text", who)),
                new H3(getTranslation("conflict.their-text", who)), text(theirs.content()),
                new H3(getTranslation("conflict.your-text")), text(mine));
        add(body);
        Button keepTheirs = new Button(getTranslation("conflict.keep-theirs", who), e -> {
            close();
            keepMine.accept(false);
        });
        Button keepMineButton = new Button(getTranslation("conflict.keep-mine"), e -> {
            close();
            keepMine.accept(true);
        });
        keepMineButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        keepMineButton.setId("conflict-keep-mine");
        getFooter().add(keepTheirs, keepMineButton);
        setCloseOnOutsideClick(false);
    }

    private static Paragraph text(StepContent c) {
        StringBuilder s = new StringBuilder();
        if (c.heading() != null) {
            s.append(c.heading()).append('\n');
        }
        if (c.body() != null) {
            s.append(c.body());
        }
        c.options().forEach(o -> s.append("\n• ").append(o.text()));
        Paragraph p = new Paragraph(s.toString());
        p.addClassName("conflict-text");
        return p;
    }
}
