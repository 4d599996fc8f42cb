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
