/**
 * Your data: a person downloads everything the platform holds about them, asks for it to be erased (after a cool-off
 * they can cancel), and admins set how long data is kept — all through each feature's personal-data declaration.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package org.encounter.privacy;
