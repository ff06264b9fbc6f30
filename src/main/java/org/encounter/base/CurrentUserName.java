package org.encounter.base;

import java.util.Optional;

/** The signed-in person's display name, for the layout; provided by the identity feature. */
public interface CurrentUserName {

    Optional<String> displayName();
}
