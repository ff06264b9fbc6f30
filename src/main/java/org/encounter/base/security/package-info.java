/** Spring Security wiring shared by every feature. */
@org.springframework.modulith.NamedInterface("security")
package org.encounter.base.security;
