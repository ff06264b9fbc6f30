/**
 * Certificates: issued once when an attempt completes or a programme (a Leadership Exchange) is completed, printed
 * as a PDF anyone can check on the public verification page by its code.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Certificates")
package org.encounter.certificates;
