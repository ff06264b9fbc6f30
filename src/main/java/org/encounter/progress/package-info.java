/**
 * Team progress and impact: a manager's member × module matrix, assignments, charts and exports for the
 * teams they manage; impact in aggregate (never below five answers) for managers, authors and admins.
 * Reads the learning and certificate features' facts; holds no data of its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Team progress")
package org.encounter.progress;
