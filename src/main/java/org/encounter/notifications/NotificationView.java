package org.encounter.notifications;

import java.time.Instant;
import java.util.List;

/** A notification for its recipient: the message key and arguments are translated where it is shown. */
public record NotificationView(long id, String messageKey, List<String> args, String link, Instant at, boolean read) {
}
