package org.encounter.authoring;

/** Length limits of every authoring field; the database columns match. */
public final class Limits {
    public static final int TITLE = 120;
    public static final int SUMMARY = 600;
    public static final int AUDIENCE = 200;
    public static final int THEMES = 300;
    public static final int THEME = 40;
    public static final int MAX_THEMES = 8;
    public static final int STATEMENT = 200;
    public static final int HEADING = 150;
    public static final int BODY = 10_000;
    public static final int CAPTION = 300;
    public static final int VIDEO_URL = 500;
    public static final int OPTION = 200;
    public static final int EXPLANATION = 1_500;
    public static final int MAX_OPTIONS = 5;
    public static final int COMMENT = 2_000;
    public static final int CREDIT = 100;
    public static final int NOTE = 1_000;
    public static final int MAX_MINUTES = 600;
    public static final int MAX_MIN_DAYS = 90;
    public static final int MAX_STEPS = 40;

    private Limits() {
    }
}
