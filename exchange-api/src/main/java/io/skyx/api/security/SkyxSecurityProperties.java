package io.skyx.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the security package (prefix {@code skyx.security}); every one has a default in code.
 *
 * @param signatureWindow          how far a signed request's timestamp may be from the server clock (±)
 * @param maxSignedBodyBytes       largest body a signed request may carry (it is read whole to be verified)
 * @param apiKeyEncryptionKey      base64 of 32 bytes: the AES-256 key that encrypts API-key secrets at rest;
 *                                 required in the {@code prod} profile, generated and kept in the database
 *                                 otherwise
 * @param maxApiKeysPerUser        how many API keys one user may hold
 * @param accountMaxFailures       failed logins for one account before it is locked
 * @param accountLockout           the first lockout; each further failure doubles it
 * @param accountMaxLockout        the longest lockout
 * @param ipMaxFailures            failed logins from one IP address within {@code ipWindow} before it is blocked
 * @param ipWindow                 the window of the per-IP count
 * @param passwordMinLength        the shortest password accepted at sign-up
 */
@ConfigurationProperties(prefix = "skyx.security")
record SkyxSecurityProperties(
        Duration signatureWindow,
        Integer maxSignedBodyBytes,
        String apiKeyEncryptionKey,
        Integer maxApiKeysPerUser,
        Integer accountMaxFailures,
        Duration accountLockout,
        Duration accountMaxLockout,
        Integer ipMaxFailures,
        Duration ipWindow,
        Integer passwordMinLength) {

    SkyxSecurityProperties {
        signatureWindow = positive(signatureWindow, Duration.ofSeconds(5), "signature-window");
        maxSignedBodyBytes = positive(maxSignedBodyBytes, 64 * 1024, "max-signed-body-bytes");
        apiKeyEncryptionKey = apiKeyEncryptionKey == null || apiKeyEncryptionKey.isBlank() ? null : apiKeyEncryptionKey.strip();
        maxApiKeysPerUser = positive(maxApiKeysPerUser, 20, "max-api-keys-per-user");
        accountMaxFailures = positive(accountMaxFailures, 5, "account-max-failures");
        accountLockout = positive(accountLockout, Duration.ofSeconds(30), "account-lockout");
        accountMaxLockout = positive(accountMaxLockout, Duration.ofMinutes(15), "account-max-lockout");
        ipMaxFailures = positive(ipMaxFailures, 50, "ip-max-failures");
        ipWindow = positive(ipWindow, Duration.ofMinutes(10), "ip-window");
        passwordMinLength = positive(passwordMinLength, 10, "password-min-length");
        if (accountMaxLockout.compareTo(accountLockout) < 0) {
            throw new IllegalArgumentException("skyx.security.account-max-lockout must not be shorter than account-lockout");
        }
        if (passwordMinLength > PasswordPolicy.MAX_LENGTH) {
            throw new IllegalArgumentException("skyx.security.password-min-length must be at most " + PasswordPolicy.MAX_LENGTH);
        }
    }

    /** All defaults. */
    static SkyxSecurityProperties defaults() {
        return new SkyxSecurityProperties(null, null, null, null, null, null, null, null, null, null);
    }

    @Override
    public String toString() {
        return "SkyxSecurityProperties[signatureWindow=" + signatureWindow
                + ", maxSignedBodyBytes=" + maxSignedBodyBytes
                + ", apiKeyEncryptionKey=" + (apiKeyEncryptionKey == null ? "<generated>" : "<configured>")
                + ", maxApiKeysPerUser=" + maxApiKeysPerUser
                + ", accountMaxFailures=" + accountMaxFailures
                + ", accountLockout=" + accountLockout
                + ", accountMaxLockout=" + accountMaxLockout
                + ", ipMaxFailures=" + ipMaxFailures
                + ", ipWindow=" + ipWindow
                + ", passwordMinLength=" + passwordMinLength + "]";
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("skyx.security." + name + " must be positive: " + value);
        }
        return value;
    }

    private static Integer positive(Integer value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value <= 0) {
            throw new IllegalArgumentException("skyx.security." + name + " must be positive: " + value);
        }
        return value;
    }
}
