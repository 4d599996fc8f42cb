package io.skyx.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class SkyxSecurityTest {

    private final SkyxUser alice = new SkyxUser(7, "alice@example.com");

    @Test
    void findsTheUserOfASessionOrAnApiKey() {
        assertThat(SkyxSecurity.user(PasswordAuthenticationProvider.authenticated(alice, false))).contains(alice);
        assertThat(SkyxSecurity.user(new ApiKeyAuthentication(alice, "k", List.of(SecurityConfig.ROLE_USER))))
                .contains(alice);
    }

    @Test
    void noUserForNothingAnonymousOrUnauthenticated() {
        assertThat(SkyxSecurity.user(null)).isEmpty();
        assertThat(SkyxSecurity.user(new AnonymousAuthenticationToken("k", "anonymousUser",
                List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))))).isEmpty();
        assertThat(SkyxSecurity.user(UsernamePasswordAuthenticationToken.unauthenticated(alice, "pw"))).isEmpty();
        assertThat(SkyxSecurity.user(() -> "plain principal")).isEmpty();
    }

    @Test
    void theUserIsCheckedWhenMade() {
        assertThatThrownBy(() -> new SkyxUser(0, "a@b.io")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SkyxUser(1, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SkyxUser(1, null)).isInstanceOf(NullPointerException.class);
    }
}
