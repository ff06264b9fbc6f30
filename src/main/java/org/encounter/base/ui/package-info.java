/** The main layout, home page, error pages and small UI pieces every feature may use. */
@org.springframework.modulith.NamedInterface("ui")
package org.encounter.base.ui;
