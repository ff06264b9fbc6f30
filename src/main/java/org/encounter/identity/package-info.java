/**
 * Identity: people, organisations, teams, roles, invitations and sign-in.
 * Offers its services and read-only summaries to other features; its entities stay inside.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {"base", "base :: ui"})
package org.encounter.identity;
