/**
 * Authoring: citizens and young people write modules with co-authors; curators review and publish
 * immutable versions that learners take.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Authoring")
package org.encounter.authoring;
