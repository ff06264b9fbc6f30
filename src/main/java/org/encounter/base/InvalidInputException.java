package org.encounter.base;

import java.util.List;

/**
 * Thrown by a service when input breaks a rule. Carries one message key per field so the form
 * can show each message at its field; nothing has been stored when this is thrown.
 */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("Invalid input: " + errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String messageKey, Object... args) {
        this(List.of(new FieldError(field, messageKey, args)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** A message key (looked up in the i18n bundles) about one field; field may be "" for the whole form. */
    public record FieldError(String field, String messageKey, Object... args) {
    }
}
