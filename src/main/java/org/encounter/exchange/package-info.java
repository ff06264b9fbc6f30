/**
 * The Leadership Exchange: rounds a partnership coordinator opens, leaders' applications, a matching over the whole
 * pool, pairs' acceptance, agreements with goals rated before and after, reciprocal visits and private reflections.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Leadership Exchange")
package org.encounter.exchange;
