package org.encounter.authoring;

/** Someone else saved the step since the editor loaded it: nothing was overwritten. */
public class StepConflictException extends RuntimeException {

    private final transient StepView current;

    public StepConflictException(StepView current) {
        super("step " + current.id() + " changed meanwhile");
        this.current = current;
    }

    /** The step as it is now, with who changed it. */
    public StepView current() {
        return current;
    }
}
