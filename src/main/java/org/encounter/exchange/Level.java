package org.encounter.exchange;

/** A leader's level of responsibility. */
public enum Level {
    MIDDLE, SENIOR, EXECUTIVE;

    public String labelKey() {
        return "exchange.level." + name().toLowerCase();
    }
}
