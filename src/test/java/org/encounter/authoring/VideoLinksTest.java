package org.encounter.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VideoLinksTest {

    @Test
    void links_from_allowed_hosts_become_privacy_friendly_players() {
        assertThat(VideoLinks.parse("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10")).get()
                .extracting(VideoLinks.Video::embedUrl).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
        assertThat(VideoLinks.parse("https://youtu.be/dQw4w9WgXcQ")).isPresent();
        assertThat(VideoLinks.parse("https://vimeo.com/76979871")).get()
                .extracting(VideoLinks.Video::embedUrl).isEqualTo("https://player.vimeo.com/video/76979871?dnt=1");
    }

    @Test
    void anything_else_is_refused() {
        assertThat(VideoLinks.parse("http://www.youtube.com/watch?v=dQw4w9WgXcQ")).isEmpty();
        assertThat(VideoLinks.parse("https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ")).isEmpty();
        assertThat(VideoLinks.parse("https://evil.example/video.mp4")).isEmpty();
        assertThat(VideoLinks.parse("javascript:alert(1)")).isEmpty();
        assertThat(VideoLinks.parse("https://www.youtube.com/watch?v=<script>")).isEmpty();
        assertThat(VideoLinks.parse("https://vimeo.com/../../evil")).isEmpty();
        assertThat(VideoLinks.parse(null)).isEmpty();
    }
}
