package org.encounter.authoring.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.function.SerializableConsumer;
import org.encounter.authoring.ImageService;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.LimitedUpload;

/**
 * An image upload for a module. The browser's type and size checks are only a courtesy: the
 * server limits the body while it streams, checks and re-encodes every file, and a refusal is
 * shown with its reason.
 */
class ImageUpload extends Upload {

    private final Paragraph error = new Paragraph();
    private final int maxMegabytes;

    ImageUpload(ImageService images, long moduleId, SerializableConsumer<String> stored) {
        long maxBytes = images.maxBytes();
        maxMegabytes = (int) (maxBytes / (1024 * 1024));
        setUploadHandler(new LimitedUpload(maxBytes, (file, ui) -> {
            try {
                String key = images.upload(moduleId, file);
                ui.access(() -> {
                    error.setVisible(false);
                    // Ready for a replacement picture: one image per upload field.
                    clearFileList();
                    stored.accept(key);
                });
            } catch (InvalidInputException e) {
                var problem = e.errors().getFirst();
                ui.access(() -> refuse(getTranslation(problem.messageKey(), problem.args())));
            }
        }, ui -> ui.access(() -> refuse(getTranslation("image.too-large", maxMegabytes)))));
        setAcceptedFileTypes("image/jpeg", "image/png", "image/gif", ".jpg", ".jpeg", ".png", ".gif");
        setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        setMaxFiles(1);
        org.encounter.base.ui.Uploads.localise(this);
        addFileRejectedListener(e -> showError(getTranslation("image.rejected", maxMegabytes)));
        // When the server refused before it could answer in words (a body over the limit is cut off
        // unread) or the connection broke, the browser reports the status: give a sentence, not a code.
        getElement().addEventListener("upload-error", e -> failed(e.getEventData().path("event.detail.xhr.status").asInt()))
                .addEventData("event.detail.xhr.status");
        error.addClassName("notice");
        error.setVisible(false);
    }

    /** Where refusals are shown; place it next to the upload. */
    Paragraph errorMessage() {
        return error;
    }

    private void failed(int status) {
        if (status == 413) {
            refuse(getTranslation("image.too-large", maxMegabytes));
        } else if (status != 422) {
            refuse(getTranslation("image.upload-failed", maxMegabytes));
        }
    }

    private void refuse(String text) {
        clearFileList();
        showError(text);
    }

    private void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }
}
