package org.encounter.authoring;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.encounter.base.StoredText;
import org.encounter.base.security.EmbeddedPlayers;

/**
 * Video links from an allow-list of hosts, shown through their privacy-friendly players
 * (youtube-nocookie, Vimeo with do-not-track). Anything else is refused.
 */
public final class VideoLinks {

    public record Video(String provider, String embedUrl, String watchUrl) {
    }

    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern VIMEO_ID = Pattern.compile("\\d{1,12}");
    private static final Pattern QUERY_V = Pattern.compile("(?:^|&)v=([^&]+)");

    private VideoLinks() {
    }

    public static Optional<Video> parse(String url) {
        if (url == null || !StoredText.fits(url.strip(), Limits.VIDEO_URL)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                return Optional.empty();
            }
            String host = uri.getHost().toLowerCase();
            String path = uri.getPath() == null ? "" : uri.getPath();
            String id = null;
            if (host.equals("youtu.be")) {
                id = path.replaceFirst("^/", "");
            } else if (host.equals("www.youtube.com") || host.equals("youtube.com") || host.equals("m.youtube.com")
                    || host.equals("www.youtube-nocookie.com")) {
                if (path.equals("/watch") && uri.getRawQuery() != null) {
                    Matcher m = QUERY_V.matcher(uri.getRawQuery());
                    id = m.find() ? m.group(1) : null;
                } else if (path.startsWith("/embed/") || path.startsWith("/shorts/")) {
                    id = path.substring(path.indexOf('/', 1) + 1);
                }
            } else if (host.equals("vimeo.com") || host.equals("www.vimeo.com") || host.equals("player.vimeo.com")) {
                String vimeo = path.replaceFirst("^/(video/)?", "");
                if (VIMEO_ID.matcher(vimeo).matches()) {
                    return Optional.of(new Video("Vimeo", EmbeddedPlayers.VIMEO + "/video/" + vimeo + "?dnt=1",
                            "https://vimeo.com/" + vimeo));
                }
                return Optional.empty();
            }
            if (id != null && YOUTUBE_ID.matcher(id).matches()) {
                return Optional.of(new Video("YouTube", EmbeddedPlayers.YOUTUBE + "/embed/" + id,
                        "https://www.youtube.com/watch?v=" + id));
            }
            return Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
