package org.encounter.authoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import org.encounter.authoring.ImageService;
import org.encounter.authoring.ModuleService;

/** The module's cover picture: uploaded, checked and re-encoded on the server like every image. */
class CoverImage extends Div {

    private final Div preview = new Div();

    CoverImage(ModuleService modules, ImageService images, long moduleId, String key, boolean editable) {
        addClassName("cover-image");
        add(new Paragraph(getTranslation("module.cover")), preview);
        show(key, modules, moduleId, editable);
        if (editable) {
            ImageUpload upload = new ImageUpload(images, moduleId, stored -> {
                modules.setCover(moduleId, stored);
                show(stored, modules, moduleId, true);
            });
            upload.setId("cover-upload");
            add(upload, upload.errorMessage());
        }
    }

    private void show(String key, ModuleService modules, long moduleId, boolean editable) {
        preview.removeAll();
        if (key != null) {
            Image image = new Image("media/" + key, getTranslation("module.cover.alt"));
            image.addClassName("step-image");
            preview.add(image);
            if (editable) {
                preview.add(new Button(getTranslation("step.media.remove-image"), e -> {
                    modules.setCover(moduleId, null);
                    show(null, modules, moduleId, true);
                }));
            }
        }
    }
}
