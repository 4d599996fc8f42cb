package io.skyx.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class SecurityErrorTest {

    @Test
    void writesTheOneErrorShape() {
        assertThat(SecurityError.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "sign in").json())
                .isEqualTo("{\"error\":{\"code\":\"UNAUTHENTICATED\",\"message\":\"sign in\"}}");
        assertThat(SecurityError.ofField(HttpStatus.BAD_REQUEST, "WEAK_PASSWORD", "too short", "password").json())
                .isEqualTo("{\"error\":{\"code\":\"WEAK_PASSWORD\",\"message\":\"too short\",\"field\":\"password\"}}");
    }

    @Test
    void escapesJson() {
        assertThat(SecurityError.of(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "a \"b\" \\ c\nd\u0001").json())
                .contains("\"message\":\"a \\\"b\\\" \\\\ c\\nd\\u0001\"");
    }

    @Test
    void needsStatusCodeAndMessage() {
        assertThatThrownBy(() -> SecurityError.of(null, "X", "m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecurityError.of(HttpStatus.BAD_REQUEST, " ", "m"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecurityError.of(HttpStatus.BAD_REQUEST, "X", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
