package org.encounter.sets.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

/** Download links for calendar files and CSV, built when clicked so they always hold the current schedule. */
final class CalendarLinks {

    private CalendarLinks() {
    }

    static Anchor download(String label, String fileName, String type, Supplier<byte[]> bytes) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] content = bytes.get();
            return new DownloadResponse(new ByteArrayInputStream(content), fileName, type, content.length);
        }), label);
        anchor.getElement().setAttribute("download", fileName);
        return anchor;
    }

    static Anchor ics(String label, String fileName, Supplier<byte[]> bytes) {
        return download(label, fileName, "text/calendar; charset=UTF-8", bytes);
    }
}
