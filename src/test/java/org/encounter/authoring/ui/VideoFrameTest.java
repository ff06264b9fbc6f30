package org.encounter.authoring.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.IFrame;
import java.util.Arrays;
import java.util.List;
import org.encounter.KaribuTest;
import org.encounter.authoring.StepContent;
import org.encounter.authoring.StepType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A video step plays in a sandboxed frame that may run the player and nothing more. */
class VideoFrameTest extends KaribuTest {

    @ParameterizedTest
    @CsvSource({
            "https://www.youtube.com/watch?v=M7lc1UVf-VE, YouTube, https://www.youtube-nocookie.com/embed/M7lc1UVf-VE",
            "https://vimeo.com/76979871, Vimeo, https://player.vimeo.com/video/76979871?dnt=1"})
    void a_video_plays_in_a_sandboxed_frame_that_cannot_navigate_the_page_or_submit_forms(String link, String provider,
            String embed) {
        IFrame frame = play(link, provider);

        assertThat(frame.getSrc()).isEqualTo(embed);
        assertThat(tokens(frame, "sandbox")).as("sandbox").containsExactlyInAnyOrder("allow-scripts",
                "allow-same-origin", "allow-presentation", "allow-popups", "allow-popups-to-escape-sandbox");
        assertThat(frame.getElement().getAttribute("referrerpolicy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(frame.getElement().getAttribute("allow")).isEqualTo("fullscreen; picture-in-picture");
        assertThat(frame.getElement().getAttribute("loading")).isEqualTo("lazy");
        assertThat(frame.getElement().getAttribute("title")).isEqualTo("A film the group made");
    }

    @Test
    void nothing_loads_from_the_video_host_until_the_viewer_asks() {
        signInAs("sanna@demo.encounter.example");
        UI.getCurrent().add(StepRenderer.render(video("https://www.youtube.com/watch?v=M7lc1UVf-VE")));
        assertThat(_find(IFrame.class)).isEmpty();
    }

    private IFrame play(String link, String provider) {
        signInAs("sanna@demo.encounter.example");
        UI.getCurrent().add(StepRenderer.render(video(link)));
        String play = UI.getCurrent().getTranslation("player.play-video", provider);
        _click(_get(Button.class, spec -> spec.withText(play)));
        return _get(IFrame.class);
    }

    private static StepContent video(String link) {
        return new StepContent(StepType.MEDIA, null, null, null, link, "A film the group made", null, null, List.of());
    }

    private static List<String> tokens(IFrame frame, String attribute) {
        String value = frame.getElement().getAttribute(attribute);
        return value == null ? List.of() : Arrays.asList(value.strip().split("\\s+"));
    }
}
