package org.encounter.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * At least 12 characters, up to 128 (so long passphrases fit), and not one of the passwords
 * that leak lists show people choose most, nor such a word padded with digits or symbols,
 * nor a keyboard run or a repeated pattern. Follows NIST SP 800-63B: length over composition rules.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private static final String[] RUNS = {
        "qwertyuiopasdfghjklzxcvbnm", "abcdefghijklmnopqrstuvwxyz", "012345678901234567890", "098765432109876543210",
        "zyxwvutsrqponmlkjihgfedcba", "1qaz2wsx3edc4rfv5tgb", "qazwsxedcrfvtgbyhnujmikolp"
    };

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load();
    }

    /** The i18n key of the first rule the password breaks, or empty when it is acceptable. */
    public Optional<String> problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password.too-short");
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            return Optional.of("password.too-long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.contains(core(lower)) || isRun(lower) || isRepetition(lower)
                || isRepetition(core(lower))) {
            return Optional.of("password.too-common");
        }
        return Optional.empty();
    }

    /** The word left when digits, spaces and symbols are taken off both ends. */
    private static String core(String lower) {
        int start = 0;
        int end = lower.length();
        while (start < end && !Character.isLetter(lower.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        return lower.substring(start, end);
    }

    private static boolean isRun(String lower) {
        for (String run : RUNS) {
            if (run.contains(lower)) {
                return true;
            }
        }
        return false;
    }

    /** "abcabcabcabc", "passwordpassword", "aaaaaaaaaaaa". */
    private static boolean isRepetition(String s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        for (int size = 1; size <= n / 2; size++) {
            if (n % size == 0 && s.substring(0, size).repeat(n / size).equals(s)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (var in = PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> words.add(line.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
