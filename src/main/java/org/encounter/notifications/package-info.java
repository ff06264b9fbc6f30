/**
 * Notifications: in-app messages and e-mail, fed by events from the other features. Each
 * reminder is delivered once, in the person's own language.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.encounter.notifications;
