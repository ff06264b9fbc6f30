/**
 * Team progress and impact: a manager's member × module matrix, assignments, charts and exports for the
 * teams they manage; impact for managers, authors and admins, released only in closed cohorts of five answers;
 * each organisation's overview for its admins, and a partnership's report (aggregates only) for its coordinators.
 * Reads the learning and certificate features' facts; holds only the impact release (answers waiting, sums released).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Team progress")
package org.encounter.progress;
