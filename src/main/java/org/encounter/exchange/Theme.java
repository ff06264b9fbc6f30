package org.encounter.exchange;

/** What a leader wants to learn about or can offer, chosen from one list so wants and offers can meet. */
public enum Theme {
    YOUNG_PEOPLE, CO_DESIGN, MENTAL_HEALTH, SAFEGUARDING, HOUSING, POLICING, COMMUNITY, DIGITAL, INCLUSION,
    PARTNERSHIP_WORKING, CHANGE, BUDGETS;

    public String labelKey() {
        return "exchange.theme." + name().toLowerCase();
    }
}
