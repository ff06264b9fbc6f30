package org.encounter.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

/** A link that downloads a file made when it is clicked, so it always holds what is current. */
public final class DownloadLink {

    public static final String CSV = "text/csv; charset=UTF-8";
    public static final String CALENDAR = "text/calendar; charset=UTF-8";
    public static final String PDF = "application/pdf";

    private DownloadLink() {
    }

    public static Anchor of(String label, String fileName, String type, Supplier<byte[]> content) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, type, bytes.length);
        }), label);
        anchor.getElement().setAttribute("download", fileName);
        return anchor;
    }
}
