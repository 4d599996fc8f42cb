package io.skyx.api.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks an e-mail address and password against the stored Argon2 hash. An unknown address costs one hash
 * check too, so timing does not tell which addresses have accounts. The result's principal is a
 * {@link SkyxUser}; the password is not kept in it.
 */
final class PasswordAuthenticationProvider implements AuthenticationProvider {

    private final UserStore users;
    private final PasswordEncoder encoder;
    private volatile String dummyHash;

    PasswordAuthenticationProvider(UserStore users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = EmailAddress.normalise(authentication.getName());
        Object credentials = authentication.getCredentials();
        String password = credentials instanceof String s ? s : "";
        Optional<UserStore.Account> account = EmailAddress.problem(email) == null
                ? users.findByEmail(new EmailAddress(email))
                : Optional.empty();
        if (account.isEmpty()) {
            encoder.matches(password, dummyHash());
            throw new BadCredentialsException("email or password is wrong");
        }
        if (!encoder.matches(password, account.get().passwordHash())) {
            throw new BadCredentialsException("email or password is wrong");
        }
        return authenticated(account.get().user(), account.get().admin());
    }

    static UsernamePasswordAuthenticationToken authenticated(SkyxUser user, boolean admin) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                admin ? List.of(SecurityConfig.ROLE_USER, SecurityConfig.ROLE_ADMIN) : List.of(SecurityConfig.ROLE_USER));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            h = encoder.encode(UUID.randomUUID().toString());
            dummyHash = h;
        }
        return h;
    }
}
