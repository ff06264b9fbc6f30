package org.encounter.authoring;

/** Someone else changed the same module details since the editor loaded them: nothing was overwritten. */
public class DetailsConflictException extends RuntimeException {

    private final transient ModuleDetails current;

    public DetailsConflictException(ModuleDetails current) {
        super("module details changed meanwhile");
        this.current = current;
    }

    public ModuleDetails current() {
        return current;
    }
}
