package org.encounter.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void refuses_passwords_shorter_than_twelve_characters() {
        assertThat(policy.problem("short pass1")).contains("password.too-short");
        assertThat(policy.problem(null)).contains("password.too-short");
    }

    @Test
    void allows_long_passphrases_of_64_characters_and_more() {
        String passphrase = "the river was high when we walked to the youth centre in march!!";
        assertThat(passphrase.length()).isGreaterThanOrEqualTo(64);
        assertThat(policy.problem(passphrase)).isEmpty();
        assertThat(policy.problem("x".repeat(64) + "yz")).isEmpty();
        assertThat(policy.problem("correct horse battery staple")).isEmpty();
    }

    @Test
    void refuses_more_than_128_characters() {
        assertThat(policy.problem("ab".repeat(65))).contains("password.too-long");
    }

    @Test
    void refuses_the_most_common_passwords_even_when_padded() {
        assertThat(policy.problem("123456789012")).contains("password.too-common");
        assertThat(policy.problem("Password123456")).contains("password.too-common");
        assertThat(policy.problem("qwertyuiopasdfghjkl")).contains("password.too-common");
        assertThat(policy.problem("!!Salasana2026")).contains("password.too-common");
        assertThat(policy.problem("passwordpassword")).contains("password.too-common");
        assertThat(policy.problem("aaaaaaaaaaaaaa")).contains("password.too-common");
        assertThat(policy.problem("iloveyou1234")).contains("password.too-common");
    }
}
