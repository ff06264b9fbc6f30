package org.encounter.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The one rule for every stored text: the limit applies to exactly the string that is stored, counted as the
 * database counts it (a utf8mb4 VARCHAR(n) holds n code points; Java's length() counts UTF-16 units).
 */
class ValidationTest {

    static final String EMOJI = "\uD83D\uDE00"; // 😀: one character in the database, two UTF-16 units
    static final String ACUTE = "\u0301"; // a combining mark: a character of its own in the database

    static void passes(String value, int max) {
        assertThatCode(() -> Validation.start().text("f", value, max).check()).doesNotThrowAnyException();
    }

    static void tooLong(String value, int max) {
        assertThatThrownBy(() -> Validation.start().text("f", value, max).check())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("f");
                        assertThat(error.messageKey()).isEqualTo("validation.too-long");
                        assertThat(error.args()).containsExactly(max);
                    });
                });
    }

    @Test
    void an_emoji_counts_as_one_character_as_in_the_database() {
        passes(EMOJI.repeat(100), 100);
        tooLong(EMOJI.repeat(101), 100);
    }

    @Test
    void a_combining_mark_counts_as_a_character_of_its_own_as_in_the_database() {
        passes(("e" + ACUTE).repeat(50), 100);
        tooLong(("e" + ACUTE).repeat(50) + "e", 100);
    }

    @Test
    void spaces_count_when_they_are_stored() {
        // Callers pass what they store; a caller that strips passes the stripped text.
        passes("a".repeat(100), 100);
        tooLong(" " + "a".repeat(100), 100);
        tooLong("a".repeat(100) + " ", 100);
        tooLong("a".repeat(99) + "\n\n", 100);
    }

    @Test
    void a_lone_half_of_a_surrogate_pair_is_refused_since_the_database_would_store_a_question_mark() {
        assertThatThrownBy(() -> Validation.start().text("f", "ab\uD83D", 10).check())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().getFirst().messageKey())
                        .isEqualTo("validation.invalid-characters"));
        passes("ab" + EMOJI, 10);
    }

    @Test
    void blank_required_text_is_refused_and_optional_text_may_be_absent() {
        assertThatThrownBy(() -> Validation.start().text("f", "  ", 10).check())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().getFirst().messageKey())
                        .isEqualTo("validation.required"));
        assertThatCode(() -> Validation.start().optionalText("f", null, 10).check()).doesNotThrowAnyException();
    }
}
