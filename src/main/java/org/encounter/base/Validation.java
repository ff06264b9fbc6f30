package org.encounter.base;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects field errors for a service call, so all problems are reported at once and the
 * service stores nothing until every field passes. Limits match the database columns.
 */
public final class Validation {

    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private final List<InvalidInputException.FieldError> errors = new ArrayList<>();

    public static Validation start() {
        return new Validation();
    }

    /** Required text, trimmed, at most {@code max} characters, with no control characters. */
    public Validation text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return error(field, "validation.required");
        }
        return optionalText(field, value, max);
    }

    public Validation optionalText(String field, String value, int max) {
        if (value == null) {
            return this;
        }
        if (value.strip().length() > max) {
            return error(field, "validation.too-long", max);
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            return error(field, "validation.invalid-characters");
        }
        return this;
    }

    public Validation email(String field, String value) {
        text(field, value, 254);
        if (value != null && !value.isBlank() && value.strip().length() <= 254
                && !EMAIL.matcher(value.strip()).matches()) {
            error(field, "validation.email");
        }
        return this;
    }

    public Validation require(String field, boolean condition, String messageKey, Object... args) {
        if (!condition) {
            error(field, messageKey, args);
        }
        return this;
    }

    public Validation error(String field, String messageKey, Object... args) {
        if (errors.stream().noneMatch(e -> e.field().equals(field))) {
            errors.add(new InvalidInputException.FieldError(field, messageKey, args));
        }
        return this;
    }

    public boolean hasError(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** Throws when any rule failed. */
    public void check() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    public static String clean(String value) {
        return value == null ? null : value.strip();
    }
}
