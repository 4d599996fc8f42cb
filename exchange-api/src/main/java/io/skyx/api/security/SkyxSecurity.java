package io.skyx.api.security;

import java.security.Principal;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * The public face of the security package for other packages: who is behind a {@link Principal} (for example
 * a WebSocket session's {@code getPrincipal()}, set from the handshake's browser session or signed headers).
 */
public final class SkyxSecurity {

    private SkyxSecurity() {
    }

    /** The SkyX user behind {@code principal}, or empty for none or an anonymous one. */
    public static Optional<SkyxUser> user(Principal principal) {
        if (principal instanceof Authentication auth && auth.isAuthenticated()
                && auth.getPrincipal() instanceof SkyxUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }
}
