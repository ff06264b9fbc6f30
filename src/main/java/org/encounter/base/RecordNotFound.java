package org.encounter.base;

/** A requested record does not exist (or is not visible to the caller). */
public class RecordNotFound extends RuntimeException {

    public RecordNotFound(String what, long id) {
        super(what + " " + id + " not found");
    }
}
