/**
 * Team progress and impact: a manager's member × module matrix, assignments, charts and exports for the
 * teams they manage; impact for managers, authors and admins, released only in closed cohorts of five answers.
 * Reads the learning and certificate features' facts; holds only the impact release (answers waiting, sums released).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Team progress")
package org.encounter.progress;
