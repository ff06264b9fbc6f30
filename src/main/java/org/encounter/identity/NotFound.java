package org.encounter.identity;

/** A requested record does not exist (or is not visible to the caller). */
public class NotFound extends RuntimeException {

    public NotFound(String what, long id) {
        super(what + " " + id + " not found");
    }
}
