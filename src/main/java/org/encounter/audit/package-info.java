/**
 * The audit log: every admin action, sign-in and privacy request that the features report (the {@code Audited} event)
 * is appended to a log no one can change unseen, which admins filter and export for their own organisation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log",
        allowedDependencies = {"identity", "base", "base :: ui"})
package org.encounter.audit;
