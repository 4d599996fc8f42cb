package io.skyx.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(10);

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(policy.problem("correct horse battery", "alice@example.com")).isNull();
        assertThat(policy.problem("Tr4d1ng-SKY!", "alice@example.com")).isNull();
    }

    @Test
    void refusesWeakPasswords() {
        assertThat(policy.problem(null, "a@b.io")).isEqualTo("password is required");
        assertThat(policy.problem("", "a@b.io")).isEqualTo("password is required");
        assertThat(policy.problem("short1!", "a@b.io")).contains("at least 10");
        assertThat(policy.problem("x".repeat(129), "a@b.io")).contains("at most 128");
        assertThat(policy.problem("aaaaaaaaaaaa", "a@b.io")).contains("repeated");
        assertThat(policy.problem("Password123", "a@b.io")).contains("common");
        assertThat(policy.problem("alice.smith@example.com", "alice.smith@example.com")).contains("email");
        assertThat(policy.problem("Alice.Smith", "alice.smith@example.com")).contains("email");
    }

    @Test
    void refusesCommonAndBreachedPasswordsFromTheShippedList() {
        for (String weak : new String[] {"1234567891", "aaaaaaaaab", "qwertyuiop1", "iloveyou12", "passw0rd123",
                "1q2w3e4r5t6y", "zaq12wsxcde3", "abcdefghijk"}) {
            assertThat(policy.problem(weak, "a@b.io")).as(weak).contains("too easy to guess");
        }
        assertThat(policy.problem("alicesmith2024", "alicesmith@example.com")).as("built on the e-mail")
                .contains("too easy to guess");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // 9 emoji are 18 UTF-16 units but 9 characters: too short
        assertThat(policy.problem("\uD83D\uDE00".repeat(4) + "\uD83D\uDE01".repeat(5), "a@b.io")).contains("at least 10");
    }

    @Test
    void minimumLengthIsChecked() {
        assertThatThrownBy(() -> new PasswordPolicy(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordPolicy(129)).isInstanceOf(IllegalArgumentException.class);
    }
}
