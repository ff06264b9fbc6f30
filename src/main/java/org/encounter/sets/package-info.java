/**
 * Action-learning sets: a facilitator, optionally with a co-facilitating author, meets a small group several
 * times for one module. Members may share their commitment (action plan and report back) with the set; the
 * facilitators record attendance and session notes. Nothing shared with a set is shown outside it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Action-learning sets")
package org.encounter.sets;
