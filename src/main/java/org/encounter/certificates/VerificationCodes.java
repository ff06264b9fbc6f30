package org.encounter.certificates;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Verification codes: 128 random bits in Crockford's base 32 (26 characters, no I, L, O or U),
 * printed in groups of four. Reading is forgiving: case, spaces, dashes and look-alikes are fine.
 */
final class VerificationCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCodes() {
    }

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        java.math.BigInteger value = new java.math.BigInteger(1, bytes);
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            code.append(ALPHABET.charAt(value.intValue() & 31));
            value = value.shiftRight(5);
        }
        return code.reverse().toString();
    }

    static String grouped(String code) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < code.length(); i += 4) {
            if (i > 0) {
                s.append('-');
            }
            s.append(code, i, Math.min(code.length(), i + 4));
        }
        return s.toString();
    }

    /** The canonical code for what someone typed or scanned, if it could be one. */
    static Optional<String> normalise(String input) {
        if (input == null || input.length() > 60) {
            return Optional.empty();
        }
        String s = input.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (s.length() != 26) {
            return Optional.empty();
        }
        for (char c : s.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(s);
    }
}
