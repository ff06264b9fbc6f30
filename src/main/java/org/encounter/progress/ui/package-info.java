/** Team progress screens: the manager's dashboard, the author's impact page, the admin's overview. */
package org.encounter.progress.ui;
