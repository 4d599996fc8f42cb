package io.skyx.api.security;

import io.skyx.api.web.Caller;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * The authenticated principal of SkyX: the same for a browser session and for a signed API-key request.
 * Controllers take it with {@code @AuthenticationPrincipal SkyxUser user}.
 *
 * @param id    the user's id ({@code users.id})
 * @param email the user's e-mail address, normalised to lower case
 */
public record SkyxUser(long id, String email) implements Caller, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public SkyxUser {
        if (id <= 0) {
            throw new IllegalArgumentException("user id must be positive: " + id);
        }
        Objects.requireNonNull(email, "email");
        if (email.isBlank()) {
            throw new IllegalArgumentException("email must not be blank");
        }
    }
}
