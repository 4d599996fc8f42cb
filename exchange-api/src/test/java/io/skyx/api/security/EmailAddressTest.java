package io.skyx.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void normalisesAndAccepts() {
        String n = EmailAddress.normalise("  Alice.Smith@Example.COM ");
        assertThat(n).isEqualTo("alice.smith@example.com");
        assertThat(EmailAddress.problem(n)).isNull();
        assertThat(new EmailAddress(n).value()).isEqualTo(n);
    }

    @Test
    void refusesMalformedAddresses() {
        for (String bad : new String[] {"", "a", "alice", "@example.com", "alice@", "alice@example", "a@b@c.io",
                "al ice@example.com", "alice@.example.com", "alice@example..com", "alice@example.com.",
                "x".repeat(65) + "@example.com", "a@" + "b".repeat(250) + ".io", "alice\u0000@example.com"}) {
            assertThat(EmailAddress.problem(bad)).as(bad).isNotNull();
        }
        assertThat(EmailAddress.problem(null)).isEqualTo("email is required");
        assertThat(EmailAddress.problem("Alice@example.com")).contains("lower case");
        assertThatThrownBy(() -> new EmailAddress("nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
