package org.encounter.authoring.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.UploadHandler;
import org.encounter.authoring.ImageService;
import org.encounter.base.InvalidInputException;

/**
 * An image upload for a module. The browser's type and size checks are only a courtesy: the
 * server checks and re-encodes every file, and a refusal is shown with its reason.
 */
class ImageUpload extends Upload {

    private final Paragraph error = new Paragraph();

    ImageUpload(ImageService images, long moduleId, SerializableConsumer<String> stored) {
        setUploadHandler(UploadHandler.inMemory((metadata, data) -> {
            UI ui = UI.getCurrent();
            try {
                String key = images.upload(moduleId, data);
                ui.access(() -> {
                    error.setVisible(false);
                    // Ready for a replacement picture: one image per upload field.
                    clearFileList();
                    stored.accept(key);
                });
            } catch (InvalidInputException e) {
                var problem = e.errors().getFirst();
                ui.access(() -> {
                    clearFileList();
                    showError(getTranslation(problem.messageKey(), problem.args()));
                });
            }
        }));
        setAcceptedFileTypes("image/jpeg", "image/png", "image/gif", ".jpg", ".jpeg", ".png", ".gif");
        setMaxFileSize(ImageService.MAX_BYTES);
        setMaxFiles(1);
        addFileRejectedListener(e -> showError(getTranslation("image.rejected", ImageService.MAX_BYTES / (1024 * 1024))));
        error.addClassName("notice");
        error.setVisible(false);
    }

    /** Where refusals are shown; place it next to the upload. */
    Paragraph errorMessage() {
        return error;
    }

    private void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }
}
