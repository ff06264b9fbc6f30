package org.encounter.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoredTextTest {

    static final String EMOJI = "\uD83D\uDE00";

    @Test
    void text_is_counted_as_the_database_counts_it() {
        assertThat(StoredText.length(EMOJI.repeat(3) + "e\u0301")).isEqualTo(5);
        assertThat(StoredText.fits(EMOJI.repeat(3), 3)).isTrue();
        assertThat(StoredText.fits(EMOJI.repeat(4), 3)).isFalse();
        assertThat(StoredText.fits(null, 3)).isTrue();
    }

    @Test
    void composed_text_is_cut_at_whole_characters_never_inside_an_emoji() {
        assertThat(StoredText.truncate("ab" + EMOJI + EMOJI, 3)).isEqualTo("ab" + EMOJI);
        assertThat(StoredText.truncate("abc", 5)).isEqualTo("abc");
        assertThat(StoredText.truncate(null, 5)).isNull();
    }

    @Test
    void an_entity_guard_refuses_what_does_not_fit_its_column() {
        assertThat(StoredText.require(EMOJI.repeat(100), 100, "a name")).hasSize(200);
        assertThatThrownBy(() -> StoredText.require(EMOJI.repeat(101), 100, "a name"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredText.require(" ", 100, "a name")).isInstanceOf(IllegalArgumentException.class);
    }
}
