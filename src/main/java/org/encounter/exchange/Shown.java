package org.encounter.exchange;

/**
 * The parts of an application a leader may show their proposed partner. Name, organisation and sector are always
 * shown (the partner needs them to decide); the rest only if the leader ticks them.
 */
public enum Shown {
    LEVEL, WANTS, OFFERS, LANGUAGES, AVAILABILITY
}
