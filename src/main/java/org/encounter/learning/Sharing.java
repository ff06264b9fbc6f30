package org.encounter.learning;

/** Whether the learner shared an answer with the module's authors, and how. */
public enum Sharing {
    NONE, ANONYMOUS, SIGNED
}
