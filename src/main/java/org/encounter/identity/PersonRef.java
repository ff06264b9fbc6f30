package org.encounter.identity;

/** A person as other screens name them: id and display name, nothing private. */
public record PersonRef(long id, String displayName) {

    static PersonRef of(Person person) {
        return new PersonRef(person.getId(), person.getDisplayName());
    }
}
