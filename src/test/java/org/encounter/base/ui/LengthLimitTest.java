package org.encounter.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextArea;
import org.encounter.EncounterTest;
import org.encounter.KaribuTest;
import org.junit.jupiter.api.Test;

/** A field's own helper text ("Only you can see this") stays while the writer types, with the counter beside it. */
@EncounterTest
class LengthLimitTest extends KaribuTest {

    @Test
    void a_helper_set_after_the_limit_stays_through_the_first_edit_and_beside_the_counter() {
        signInAs("sanna@demo.encounter.example");
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        // As the player does it: the limit first, then the view's helper text.
        TextArea answer = LengthLimit.apply(new TextArea("Your answer"), 10);
        answer.setHelperText("Only you can see this.");
        UI.getCurrent().add(answer);

        answer.setValue("A");
        assertThat(answer.getHelperText()).isEqualTo("Only you can see this.");
        answer.setValue("A thought.");
        assertThat(answer.getHelperText()).startsWith("Only you can see this. · ").contains("10");
        answer.setValue("A");
        assertThat(answer.getHelperText()).isEqualTo("Only you can see this.");

        // A helper the view changes later is the one kept.
        answer.setHelperText("Shared with your set.");
        answer.setValue("AB");
        assertThat(answer.getHelperText()).isEqualTo("Shared with your set.");
    }
}
