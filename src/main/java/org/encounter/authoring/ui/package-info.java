/** Authoring screens, and the step renderer the learning feature reuses to show published steps. */
@org.springframework.modulith.NamedInterface("ui")
package org.encounter.authoring.ui;
