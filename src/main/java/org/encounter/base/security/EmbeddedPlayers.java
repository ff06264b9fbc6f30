package org.encounter.base.security;

import java.util.List;

/**
 * The only hosts whose video players a page may embed, and what their frames are allowed. One list for
 * the links authors may give and for the Content-Security-Policy's {@code frame-src}, so the two cannot
 * drift apart.
 */
public final class EmbeddedPlayers {

    /** YouTube's player that sets no cookies until the video plays. */
    public static final String YOUTUBE = "https://www.youtube-nocookie.com";
    /** Vimeo's player (links add {@code dnt=1}: do not track). */
    public static final String VIMEO = "https://player.vimeo.com";
    public static final List<String> ORIGINS = List.of(YOUTUBE, VIMEO);

    /**
     * The player's own scripts and storage, the presentation API (casting), and "watch on YouTube" opening
     * a normal tab. Not granted: navigating our page, forms, modals, downloads, pointer lock.
     */
    public static final String SANDBOX =
            "allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox";
    /** The players refuse to play without knowing the embedding site; they learn our origin, never the path. */
    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";
    /** Delegated to the player's origin; the Permissions-Policy header allows exactly these for it. */
    public static final List<String> FEATURES = List.of("fullscreen", "picture-in-picture");

    private EmbeddedPlayers() {
    }
}
