package org.encounter.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Receives one uploaded file, never more than a limit, for every upload field in the app. Vaadin
 * hands a raw upload's body over unchecked (its size limits apply to multipart bodies only), so
 * this handler checks itself: a body that declares more than the limit is refused before a byte
 * is read; one of unknown length is copied to a temporary file and cut off as soon as it passes
 * the limit. Only a 16 KB buffer is held in memory, whatever the body's size. Either way the
 * answer is 413 and the connection closes, so the rest of the body is never read.
 */
public final class LimitedUpload implements UploadHandler {

    private static final String TOO_LARGE = "too large";

    /**
     * Gets the complete file, on the request thread and outside the session lock, so a slow
     * check does not freeze the person's screen; use {@code ui.access} to show the outcome.
     * The file is deleted when this returns.
     */
    @FunctionalInterface
    public interface Receiver extends Serializable {
        void receive(Path file, UI ui);
    }

    private final long maxBytes;
    private final Receiver receiver;
    private final SerializableConsumer<UI> tooLarge;

    public LimitedUpload(long maxBytes, Receiver receiver, SerializableConsumer<UI> tooLarge) {
        this.maxBytes = maxBytes;
        this.receiver = receiver;
        this.tooLarge = tooLarge;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        if (event.getFileSize() > maxBytes) {
            refuse(event, ui);
            return;
        }
        Path file = Files.createTempFile("encounter-upload-", ".part");
        try {
            long size;
            try (InputStream in = event.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
                size = copy(in, out, maxBytes + 1);
            }
            if (size > maxBytes) {
                refuse(event, ui);
                return;
            }
            receiver.receive(file, ui);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void refuse(UploadEvent event, UI ui) {
        event.reject(TOO_LARGE);
        tooLarge.accept(ui);
    }

    @Override
    public void responseHandled(UploadResult result) {
        boolean tooLargeBody = result.allRejected()
                && TOO_LARGE.equals(result.rejectedFiles().getFirst().reason());
        if (tooLargeBody) {
            // 413 makes the server close the connection instead of draining what is left of the body.
            result.response().setStatus(413);
        } else {
            UploadHandler.super.responseHandled(result);
        }
    }

    /** Copies at most {@code atMost} bytes; a longer body is left unread. */
    private static long copy(InputStream in, OutputStream out, long atMost) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while (total < atMost && (n = in.read(buffer, 0, (int) Math.min(buffer.length, atMost - total))) >= 0) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }
}
