package io.skyx.api.security;

import java.util.Locale;

/**
 * A normalised e-mail address (trimmed, lower case), checked in its one constructor: 3 to 254 characters,
 * exactly one {@code @}, a local part of at most 64 characters, a domain with a dot, and no whitespace or
 * control characters.
 */
record EmailAddress(String value) {

    static final int MAX_LENGTH = 254;

    EmailAddress {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Trims and lower-cases {@code raw} (null stays null). */
    static String normalise(String raw) {
        return raw == null ? null : raw.strip().toLowerCase(Locale.ROOT);
    }

    /** Why {@code normalised} is not an acceptable address, or null if it is. */
    static String problem(String normalised) {
        if (normalised == null || normalised.isEmpty()) {
            return "email is required";
        }
        if (normalised.length() < 3 || normalised.length() > MAX_LENGTH) {
            return "email must have 3 to " + MAX_LENGTH + " characters";
        }
        if (!normalised.equals(normalise(normalised))) {
            return "email must be trimmed and lower case";
        }
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return "email must not contain spaces or control characters";
            }
        }
        int at = normalised.indexOf('@');
        if (at <= 0 || at != normalised.lastIndexOf('@') || at == normalised.length() - 1) {
            return "email must look like name@example.com";
        }
        if (at > 64) {
            return "the part of the email before @ must have at most 64 characters";
        }
        String domain = normalised.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        if (dot <= 0 || dot == domain.length() - 1 || domain.startsWith(".") || domain.contains("..")) {
            return "email must look like name@example.com";
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
