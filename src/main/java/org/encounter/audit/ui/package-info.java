/** The admins' audit log page: filters, the entries, a CSV of them, and whether the chain is intact. */
package org.encounter.audit.ui;
