package org.encounter.bench;

import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** How the service benchmarks time a call: five warm-up runs, then median and p95 of 50, signed in as someone. */
final class Warm {

    private Warm() {
    }

    static String time(String what, Supplier<?> action) {
        for (int i = 0; i < 5; i++) {
            action.get();
        }
        int n = 50;
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            action.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return String.format("%-36s n=%d  median %7.1f ms  p95 %7.1f ms%n", what, n, nanos[n / 2] / 1e6,
                nanos[(int) Math.ceil(n * 0.95) - 1] / 1e6);
    }

    static void as(UserDetailsService users, String email, Runnable action) {
        var user = users.loadUserByUsername(email);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
