package org.encounter.authoring;

/** A curator published a new version of a module (authors are notified; the catalogue changes). */
public record ModulePublished(long moduleId, long versionId, int number) {
}
