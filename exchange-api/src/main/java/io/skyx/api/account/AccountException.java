package io.skyx.api.account;

import java.io.Serial;
import java.util.Objects;

/** A refused account-security operation or withdrawal check, with a stable {@link AccountError} code. */
public final class AccountException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final AccountError code;
    private final String field;

    AccountException(AccountError code, String message, String field) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    AccountException(AccountError code, String message) {
        this(code, message, null);
    }

    /** The stable code. */
    public AccountError code() {
        return code;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
