package io.skyx.api.security;

import java.io.Serial;
import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** The authentication of one signed API request (never stored in a session). */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final SkyxUser user;
    private final String keyId;

    ApiKeyAuthentication(SkyxUser user, String keyId, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.user = user;
        this.keyId = keyId;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public SkyxUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.email();
    }

    String keyId() {
        return keyId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKeyAuthentication other && super.equals(o) && keyId.equals(other.keyId);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + keyId.hashCode();
    }
}
