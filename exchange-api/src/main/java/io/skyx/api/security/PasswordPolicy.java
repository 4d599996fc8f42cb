package io.skyx.api.security;

import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The sign-up password policy: long enough, not absurdly long (hashing cost), not the e-mail address, not one
 * repeated character, and not easy to guess: zxcvbn (zxcvbn4j, shipped in the build, no network) must score it
 * at least {@link #MIN_SCORE} of 4, which refuses the ~30 000 most common passwords of public breach lists and
 * their simple variants, keyboard walks, sequences and repeats ("1234567891", "aaaaaaaaab", "qwertyuiop1").
 */
final class PasswordPolicy {

    static final int MAX_LENGTH = 128;
    /** zxcvbn's score 3: "safely unguessable", about 10^8 guesses or more. */
    static final int MIN_SCORE = 3;
    private static final Zxcvbn ZXCVBN = new Zxcvbn();

    private static final Set<String> COMMON = Set.of(
            "password", "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd",
            "1234567890", "12345678910", "0123456789", "123456789a", "qwertyuiop", "qwerty1234", "qwerty123456",
            "1q2w3e4r5t", "1qaz2wsx3edc", "iloveyou123", "letmein123", "welcome123", "abcdefghij", "abc1234567",
            "administrator", "changeme123", "trustno1234", "football123", "baseball123", "sunshine123",
            "princess123", "dragon1234", "monkey1234", "skycoin123", "bitcoin123", "skyx123456");

    private final int minLength;

    PasswordPolicy(int minLength) {
        if (minLength < 1 || minLength > MAX_LENGTH) {
            throw new IllegalArgumentException("minLength must be 1.." + MAX_LENGTH);
        }
        this.minLength = minLength;
    }

    /** Why {@code password} is refused for {@code email}, or null if it is acceptable. */
    String problem(String password, String email) {
        if (password == null || password.isEmpty()) {
            return "password is required";
        }
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            return "password must have at least " + minLength + " characters";
        }
        if (length > MAX_LENGTH) {
            return "password must have at most " + MAX_LENGTH + " characters";
        }
        if (password.codePoints().distinct().count() == 1) {
            return "password must not be one repeated character";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return "password is too common";
        }
        if (email != null && (lower.equals(email) || lower.equals(localPart(email)))) {
            return "password must not be the email address";
        }
        List<String> userInputs = email == null ? List.of() : List.of(email, localPart(email));
        if (ZXCVBN.measure(password, userInputs).getScore() < MIN_SCORE) {
            return "password is too easy to guess (a common password, a sequence, a repeat or a keyboard pattern): "
                    + "use a longer mix of unrelated words";
        }
        return null;
    }

    private static String localPart(String email) {
        int at = email.indexOf('@');
        return at < 0 ? email : email.substring(0, at);
    }
}
