package org.encounter.base;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects field errors for a service call, so all problems are reported at once and the
 * service stores nothing until every field passes. Limits match the database columns and apply to
 * exactly the string the service stores (after its stripping and case changes), counted as the
 * database counts it ({@link StoredText}): callers pass the value they are about to store.
 */
public final class Validation {

    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private final List<InvalidInputException.FieldError> errors = new ArrayList<>();

    public static Validation start() {
        return new Validation();
    }

    /** Required text: not blank, at most {@code max} characters as stored, with no control characters. */
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
        if (StoredText.length(value) > max) {
            return error(field, "validation.too-long", max);
        }
        if (value.codePoints().anyMatch(Validation::unstorable)) {
            return error(field, "validation.invalid-characters");
        }
        return this;
    }

    /** Control characters other than line breaks and tabs, and half an emoji (the database would store "?"). */
    private static boolean unstorable(int c) {
        return (Character.isISOControl(c) && c != '\n' && c != '\t') || Character.getType(c) == Character.SURROGATE;
    }

    /** An e-mail address as stored: callers pass it normalised (stripped and lower-cased). */
    public Validation email(String field, String value) {
        text(field, value, 254);
        if (!hasError(field) && !EMAIL.matcher(value).matches()) {
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
