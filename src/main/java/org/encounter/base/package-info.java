/**
 * Shared foundation: the main layout, home page, error pages, i18n, security wiring and the
 * embedded database for the default start. Knows no feature; features plug into it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Base")
package org.encounter.base;
