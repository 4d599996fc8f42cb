package io.skyx.api.security;

import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Seals other packages' secrets at rest (e.g. TOTP secrets) with the same AES-256-GCM key as API-key secrets.
 * Each secret is bound to a context string (the associated data), which must be namespaced ("totp:42") so that
 * it can never equal an API key id (32 hex digits): a box opens only under the context it was sealed with.
 */
@Component
public final class SealedSecrets {

    private final SecretBox box;

    SealedSecrets(ApiKeys apiKeys) {
        this.box = apiKeys.secretBox();
    }

    /** Seals {@code secret} under {@code context} (which must contain a ':'). */
    public byte[] seal(String secret, String context) {
        return box.seal(Objects.requireNonNull(secret, "secret"), checked(context));
    }

    /** Opens a box sealed under {@code context}; empty if it does not open (wrong key or context, tampered). */
    public Optional<String> open(byte[] sealed, String context) {
        return Optional.ofNullable(box.open(sealed, checked(context)));
    }

    private static String checked(String context) {
        if (context == null || context.indexOf(':') < 1) {
            throw new IllegalArgumentException("a sealing context must be namespaced, e.g. \"totp:42\"");
        }
        return context;
    }

    @Override
    public String toString() {
        return "SealedSecrets[AES-256-GCM]";
    }
}
