package io.skyx.api.account;

/** The stable codes of {@link AccountException}, each with the HTTP status the API sends it with. */
public enum AccountError {
    /** 2FA is on and the request carries no code. */
    TWO_FACTOR_REQUIRED(403),
    /** The code is wrong, too old, or was already used. */
    TWO_FACTOR_INVALID(403),
    /** Too many wrong codes: the user is blocked for a while. */
    TWO_FACTOR_LOCKED(429),
    /** An enrolment or confirmation that does not fit the current 2FA state. */
    TWO_FACTOR_STATE(409),
    /** The whitelist is on and the address is not on it. */
    NOT_WHITELISTED(403),
    /** The address is on the whitelist but its cool-off has not passed. */
    WHITELIST_COOLING_OFF(403),
    /** The address is not a valid address of the asset on this platform's network. */
    INVALID_ADDRESS(400),
    /** An asset the account settings do not know. */
    UNKNOWN_ASSET(400),
    /** Any other bad field. */
    BAD_REQUEST(400),
    /** A signed API-key request to an endpoint for browser sessions only. */
    SESSION_ONLY(403),
    /** No such whitelist entry or auto-sweep setting. */
    NOT_FOUND(404);

    private final int status;

    AccountError(int status) {
        this.status = status;
    }

    /** The HTTP status of this code. */
    public int status() {
        return status;
    }
}
