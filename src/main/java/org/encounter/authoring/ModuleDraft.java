package org.encounter.authoring;

import java.util.List;

/**
 * The working copy of a module with what the viewer may do with it. {@code revision} names exactly this content:
 * a curator's decision carries it back, so nobody publishes a text they did not see.
 */
public record ModuleDraft(long id, ModuleStatus status, ModuleDetails details, String coverImageKey,
                          List<StepView> steps, List<AuthorView> authors, boolean canEdit, boolean owner,
                          boolean curator, Integer latestVersionNumber,
                          String revision) {
}
