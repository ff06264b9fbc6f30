/** Stories of change: writing one, reviewing them, reading them. */
package org.encounter.stories.ui;
