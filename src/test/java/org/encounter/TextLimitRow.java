package org.encounter;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One stored text field in {@link TextLimitsTest}: the column it lands in, the field its message is shown at, its
 * limit, the forms its text is tried in, and how it is written and read back.
 *
 * @param strips the service strips surrounding white space before storing (otherwise it stores what was typed)
 * @param prefix what a valid value starts with (a web address), counted in the limit
 * @param suffix what a valid value ends with (an e-mail domain), counted in the limit
 * @param write  calls the service with the value in this field (everything else valid) and returns what the
 *               database then holds for the field
 * @param state  what a refused write must leave unchanged
 */
record TextLimitRow(String column, String field, int max, boolean strips, String prefix, String suffix,
                    Set<TextLimitRow.Form> forms, Function<String, String> write, Supplier<Object> state) {

    /** The forms of text that fooled the old checks. */
    enum Form { ASCII, EMOJI, COMBINING, PADDED, DOTTED_CAPITAL_I }

    static final Set<Form> ANY_TEXT = Set.of(Form.ASCII, Form.EMOJI, Form.COMBINING, Form.PADDED);

    TextLimitRow around(String prefix, String suffix, Set<Form> forms) {
        return new TextLimitRow(column, field, max, strips, prefix, suffix, forms, write, state);
    }

    /** The service lower-cases it, so a capital "İ" (one character) is stored as two. */
    TextLimitRow lowerCased() {
        Set<Form> more = new java.util.HashSet<>(forms);
        more.add(Form.DOTTED_CAPITAL_I);
        return new TextLimitRow(column, field, max, strips, prefix, suffix, Set.copyOf(more), write, state);
    }
}
