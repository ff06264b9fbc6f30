package org.encounter.base;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;

/**
 * At most {@code limit} attempts per client a minute, kept in memory per app instance (verification of
 * certificates, sign-ins).
 *
 * <p>The counts live in a count-min sketch: {@value #ROWS} rows of {@value #COLUMNS} counters for this
 * minute and as many for the last, 1 MiB in all however many clients come. Nothing is ever evicted, so a
 * flood of new (or spoofed) clients cannot reset a blocked client's count; a sketch only ever over-counts,
 * so the flood's price is that others may be told to wait sooner, and only past a few hundred thousand
 * checks a minute, far beyond what the server can answer. The rows are chosen by a salted SHA-256 of the
 * client, so nobody can aim their addresses at someone else's counters. The last minute counts in
 * proportion to how much of it still lies within sixty seconds, so the limit holds across the turn of a
 * minute too.
 */
public final class ClientRate {

    static final int ROWS = 4;
    static final int COLUMNS = 1 << 15;
    private static final long WINDOW_MILLIS = 60_000;

    private final Clock clock;
    private final int limit;
    private final byte[] salt = new byte[16];
    private int[] current = new int[ROWS * COLUMNS];
    private int[] previous = new int[ROWS * COLUMNS];
    private long currentWindow = Long.MIN_VALUE;

    public ClientRate(Clock clock, int limit) {
        this.clock = clock;
        this.limit = limit;
        new SecureRandom().nextBytes(salt);
    }

    /**
     * Records an attempt by this client (the address the servlet container reports, which is the
     * forwarded one only behind a trusted proxy; an IPv6 client counts as its /64); false when it is over the limit.
     */
    public boolean allow(String client) {
        int[] cells = cells(ClientAddress.network(client));
        long now = clock.millis();
        synchronized (this) {
            turnTo(Math.floorDiv(now, WINDOW_MILLIS));
            double stillInWindow = 1.0 - (double) Math.floorMod(now, WINDOW_MILLIS) / WINDOW_MILLIS;
            int thisMinute = min(current, cells);
            if (thisMinute + min(previous, cells) * stillInWindow >= limit) {
                return false;
            }
            // Conservative update: raise only the counters at the minimum, which keeps over-counting low.
            for (int cell : cells) {
                current[cell] = Math.max(current[cell], thisMinute + 1);
            }
            return true;
        }
    }

    private void turnTo(long window) {
        if (window == currentWindow + 1) {
            int[] reused = previous;
            previous = current;
            Arrays.fill(reused, 0);
            current = reused;
        } else if (window > currentWindow) {
            Arrays.fill(previous, 0);
            Arrays.fill(current, 0);
        } else {
            return; // the same minute, or the clock stepped back: keep counting
        }
        currentWindow = window;
    }

    private static int min(int[] counters, int[] cells) {
        int min = Integer.MAX_VALUE;
        for (int cell : cells) {
            min = Math.min(min, counters[cell]);
        }
        return min;
    }

    private int[] cells(String key) {
        byte[] digest = sha256().digest(key.getBytes(StandardCharsets.UTF_8));
        int[] cells = new int[ROWS];
        for (int row = 0; row < ROWS; row++) {
            int column = ((digest[2 * row] & 0xff) << 8 | (digest[2 * row + 1] & 0xff)) & (COLUMNS - 1);
            cells[row] = row * COLUMNS + column;
        }
        return cells;
    }

    private MessageDigest sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
