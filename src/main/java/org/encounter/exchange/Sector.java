package org.encounter.exchange;

/** The sector a leader works in; partners from different sectors are strongly preferred. */
public enum Sector {
    PUBLIC, VOLUNTARY, HEALTH, POLICE, EDUCATION, YOUTH, HOUSING;

    public String labelKey() {
        return "exchange.sector." + name().toLowerCase();
    }
}
