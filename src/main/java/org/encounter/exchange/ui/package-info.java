/**
 * The Leadership Exchange for leaders and their managers: open rounds and applying, a manager's word on an
 * application, and a pair's own page (answers, goals, visits, reflections).
 */
package org.encounter.exchange.ui;
