/**
 * Learning: the catalogue, attempts bound to a published version, the player with the
 * learner's private answers, report back, assignments, and feedback to authors.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Learning")
package org.encounter.learning;
