package org.encounter.base.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.Arrays;

/** Uploads that speak the reader's language: the button, the drop hint, progress, and every refusal. */
public final class Uploads {

    private Uploads() {
    }

    public static <U extends Upload> U localise(U upload) {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(t(upload, "upload.add-one")).setMany(t(upload, "upload.add-many")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(t(upload, "upload.drop-one"))
                .setMany(t(upload, "upload.drop-many")));
        i18n.setFile(new UploadI18N.File().setRetry(t(upload, "upload.retry")).setStart(t(upload, "upload.start"))
                .setRemove(t(upload, "upload.remove")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(t(upload, "upload.too-many"))
                .setFileIsTooBig(t(upload, "upload.too-big")).setIncorrectFileType(t(upload, "upload.wrong-type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(t(upload, "upload.connecting"))
                        .setStalled(t(upload, "upload.stalled")).setProcessing(t(upload, "upload.processing"))
                        .setHeld(t(upload, "upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(t(upload, "upload.remaining"))
                        .setUnknown(t(upload, "upload.remaining-unknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(t(upload, "upload.server-unavailable"))
                        .setUnexpectedServerError(t(upload, "upload.server-error"))
                        .setForbidden(t(upload, "upload.forbidden"))
                        .setFileTooLarge(t(upload, "upload.too-big"))));
        i18n.setUnits(Arrays.asList(t(upload, "upload.units").split(",")));
        upload.setI18n(i18n);
        return upload;
    }

    private static String t(Upload upload, String key) {
        return upload.getTranslation(key);
    }
}
