package org.encounter.authoring.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.encounter.authoring.ImageService;
import org.encounter.authoring.Limits;
import org.encounter.authoring.ModuleService;
import org.encounter.authoring.PerspectiveOption;
import org.encounter.authoring.StepConflictException;
import org.encounter.authoring.StepContent;
import org.encounter.authoring.StepType;
import org.encounter.authoring.StepView;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.Autosaver;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.MarkdownView;
import org.encounter.base.ui.Notifications;
import org.encounter.base.ui.Markup;

/**
 * One step in the editor: the fields its type needs, saved as the author types. If someone else
 * saved the step meanwhile, the author is shown both texts and chooses which to keep.
 */
class StepEditor extends Div {

    interface Actions {
        void move(StepView step, int delta);

        void remove(StepView step);
    }

    private final transient ModuleService modules;
    private final transient ImageService images;
    private final long moduleId;
    private final Autosaver saver;
    private final boolean editable;
    private StepView step;

    private final TextField heading = Fields.text("", Limits.HEADING);
    private final TextArea body = Fields.area("", Limits.BODY);
    private final MarkdownView preview = new MarkdownView(null);
    private final TextField videoUrl = Fields.text("", Limits.VIDEO_URL);
    private final TextField caption = Fields.text("", Limits.CAPTION);
    private final TextField altText = Fields.text("", Limits.CAPTION);
    private final IntegerField minDays = new IntegerField();
    private final Div imageBox = new Div();
    private final Div optionsBox = new Div();
    private final List<TextField> optionTexts = new ArrayList<>();
    private final List<TextArea> optionExplanations = new ArrayList<>();
    private final H3 title = new H3();
    private String imageKey;

    StepEditor(ModuleService modules, ImageService images, long moduleId, StepView step, int count, boolean editable,
               Autosaver saver, Actions actions) {
        this.modules = modules;
        this.images = images;
        this.moduleId = moduleId;
        this.step = step;
        this.editable = editable;
        this.saver = saver;
        addClassName("step-editor");
        setId("step-" + step.id());
        getElement().setAttribute("role", "group");
        add(header(count, actions));
        StepType type = step.content().type();
        switch (type) {
            case STORY -> fields(heading, "step.story.heading", body, "step.story.body");
            case MEDIA -> media();
            case REFLECTION -> fields(null, null, body, "step.reflection.prompt");
            case PERSPECTIVE_CHECK -> perspective();
            case ACTION_PLAN -> fields(null, null, body, "step.action-plan.prompt");
            case REPORT_BACK -> {
                fields(null, null, body, "step.report-back.prompt");
                minDays.setLabel(getTranslation("step.report-back.min-days"));
                minDays.setHelperText(getTranslation("step.report-back.min-days.help"));
                minDays.setMin(0);
                minDays.setMax(Limits.MAX_MIN_DAYS);
                minDays.setStepButtonsVisible(true);
                minDays.setValueChangeMode(ValueChangeMode.TIMEOUT);
                onChange(minDays);
                add(minDays);
            }
            case DISCUSSION -> fields(null, null, body, "step.discussion.questions");
        }
        show(step.content());
        String what = "module:" + moduleId + ":step:" + step.id() + ":";
        saver.keep(heading, what + "heading");
        saver.keep(body, what + "body");
        saver.keep(videoUrl, what + "videoUrl");
        saver.keep(caption, what + "caption");
        saver.keep(altText, what + "altText");
    }

    private HorizontalLayout header(int count, Actions actions) {
        title.setText(getTranslation("step.number", step.position() + 1, count) + " · "
                + getTranslation(step.content().type().labelKey()));
        HorizontalLayout header = new HorizontalLayout(title);
        header.setWidthFull();
        header.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        header.setWrap(true);
        if (editable) {
            Button up = iconButton(VaadinIcon.ARROW_UP, "step.move-up", e -> actions.move(step, -1));
            up.setEnabled(step.position() > 0);
            Button down = iconButton(VaadinIcon.ARROW_DOWN, "step.move-down", e -> actions.move(step, 1));
            down.setEnabled(step.position() < count - 1);
            Button remove = iconButton(VaadinIcon.TRASH, "step.remove", e -> actions.remove(step));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            HorizontalLayout tools = new HorizontalLayout(up, down, remove);
            tools.setSpacing(false);
            header.addToEnd(tools);
        }
        return header;
    }

    private Button iconButton(VaadinIcon icon, String labelKey,
                              com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>> click) {
        Button button = new Button(icon.create(), click);
        String label = getTranslation(labelKey, step.position() + 1);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void fields(TextField headingField, String headingKey, TextArea bodyField, String bodyKey) {
        if (headingField != null) {
            headingField.setLabel(getTranslation(headingKey));
            onChange(headingField);
            add(headingField);
        }
        bodyField.setLabel(getTranslation(bodyKey));
        bodyField.setHelperText(getTranslation("step.markdown.help"));
        bodyField.addClassName("step-body");
        onChange(bodyField);
        bodyField.addValueChangeListener(e -> preview.showTyped(e.getValue()));
        preview.addClassName("markdown-preview");
        // A name needs a role to hang on: a group named "Preview" (a bare div may not carry aria-label).
        preview.getElement().setAttribute("role", "group");
        preview.getElement().setAttribute("aria-label", getTranslation("step.preview"));
        add(bodyField, Markup.element("p", getTranslation("step.preview")), preview);
    }

    private void media() {
        imageBox.addClassName("step-image-box");
        ImageUpload upload = new ImageUpload(images, moduleId, key -> {
            imageKey = key;
            showImage();
            saver.save(step.id(), this::save);
        });
        upload.setDropAllowed(true);
        upload.setVisible(editable);
        altText.setLabel(getTranslation("step.media.alt"));
        altText.setHelperText(getTranslation("step.media.alt.help"));
        caption.setLabel(getTranslation("step.media.caption"));
        videoUrl.setLabel(getTranslation("step.media.video"));
        videoUrl.setHelperText(getTranslation("step.media.video.help"));
        onChange(altText);
        onChange(caption);
        onChange(videoUrl);
        add(Markup.element("p", getTranslation("step.media.image")), imageBox, upload, upload.errorMessage(), altText, videoUrl, caption);
    }

    private void showImage() {
        imageBox.removeAll();
        if (imageKey != null) {
            Image image = new Image("media/" + imageKey, altText.getValue());
            image.addClassName("step-image");
            imageBox.add(image);
            if (editable) {
                imageBox.add(new Button(getTranslation("step.media.remove-image"), e -> {
                    imageKey = null;
                    showImage();
                    saver.save(step.id(), this::save);
                }));
            }
        }
    }

    private void perspective() {
        heading.setLabel(getTranslation("step.perspective.question"));
        onChange(heading);
        add(heading, optionsBox);
    }

    private void showOptions(List<PerspectiveOption> options) {
        optionsBox.removeAll();
        optionTexts.clear();
        optionExplanations.clear();
        for (int i = 0; i < options.size(); i++) {
            int index = i;
            TextField text = Fields.text(getTranslation("step.perspective.option", i + 1), Limits.OPTION);
            TextArea explanation = Fields.area(getTranslation("step.perspective.explanation", i + 1), Limits.EXPLANATION);
            explanation.setHelperText(getTranslation("step.perspective.explanation.help"));
            text.setValue(options.get(i).text() == null ? "" : options.get(i).text());
            explanation.setValue(options.get(i).explanation() == null ? "" : options.get(i).explanation());
            onChange(text);
            onChange(explanation);
            optionTexts.add(text);
            optionExplanations.add(explanation);
            Div option = new Div(text, explanation);
            option.addClassName("perspective-option-editor");
            if (editable && options.size() > 2) {
                Button remove = new Button(getTranslation("step.perspective.remove", i + 1), e -> {
                    List<PerspectiveOption> now = new ArrayList<>(currentOptions());
                    now.remove(index);
                    showOptions(now);
                    saver.save(step.id(), this::save);
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                option.add(remove);
            }
            optionsBox.add(option);
        }
        if (editable && options.size() < Limits.MAX_OPTIONS) {
            optionsBox.add(new Button(getTranslation("step.perspective.add"), e -> {
                List<PerspectiveOption> now = new ArrayList<>(currentOptions());
                now.add(new PerspectiveOption("", ""));
                showOptions(now);
            }));
        }
    }

    private List<PerspectiveOption> currentOptions() {
        List<PerspectiveOption> list = new ArrayList<>();
        for (int i = 0; i < optionTexts.size(); i++) {
            list.add(new PerspectiveOption(optionTexts.get(i).getValue(), optionExplanations.get(i).getValue()));
        }
        return list;
    }

    private void onChange(com.vaadin.flow.component.HasValue<?, ?> field) {
        field.setReadOnly(!editable);
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                saver.save(step.id(), this::save);
            }
        });
    }

    private void show(StepContent c) {
        heading.setValue(c.heading() == null ? "" : c.heading());
        body.setValue(c.body() == null ? "" : c.body());
        preview.show(c.body());
        videoUrl.setValue(c.videoUrl() == null ? "" : c.videoUrl());
        caption.setValue(c.caption() == null ? "" : c.caption());
        altText.setValue(c.altText() == null ? "" : c.altText());
        minDays.setValue(c.minDays());
        imageKey = c.imageKey();
        if (c.type() == StepType.MEDIA) {
            showImage();
        }
        if (c.type() == StepType.PERSPECTIVE_CHECK) {
            showOptions(c.options());
        }
    }

    StepContent collect() {
        return new StepContent(step.content().type(), Fields.value(heading.getValue()), Fields.value(body.getValue()),
                imageKey, Fields.value(videoUrl.getValue()), Fields.value(caption.getValue()),
                Fields.value(altText.getValue()), minDays.getValue(),
                step.content().type() == StepType.PERSPECTIVE_CHECK ? currentOptions() : List.of());
    }

    private Map<String, HasValidation> fieldsByName() {
        Map<String, HasValidation> map = new HashMap<>(Map.of("heading", heading, "body", body, "videoUrl", videoUrl,
                "caption", caption, "altText", altText, "minDays", minDays));
        if (!optionTexts.isEmpty()) {
            map.put("options", optionTexts.getFirst());
        }
        return map;
    }

    private void save() {
        StepContent mine = collect();
        try {
            step = modules.updateStep(step.id(), step.version(), mine);
            FormErrors.clear(fieldsByName());
        } catch (InvalidInputException e) {
            FormErrors.show(e, this, fieldsByName());
            saver.invalid();
        } catch (StepConflictException e) {
            saver.invalid();
            new ConflictDialog(e.current(), mine, keepMine -> {
                step = e.current();
                if (keepMine) {
                    saver.save(step.id(), this::save);
                } else {
                    show(e.current().content());
                    Notifications.success(getTranslation("conflict.kept-theirs"));
                }
            }).open();
        }
    }
}
