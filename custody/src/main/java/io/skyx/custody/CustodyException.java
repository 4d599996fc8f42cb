package io.skyx.custody;

/**
 * A refused custody request, with a stable code for the API's error shape. Nothing changed when it is thrown.
 */
public final class CustodyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String field;

    /**
     * @param code    stable code (INVALID_ADDRESS, WRONG_NETWORK, WRONG_ASSET_ADDRESS, UNSUPPORTED_ADDRESS,
     *                INVALID_AMOUNT, BELOW_MINIMUM, INSUFFICIENT_FUNDS, NOT_WHITELISTED, UNKNOWN_ASSET, ...)
     * @param message what is wrong, for a person
     * @param field   the request field at fault, or null
     */
    public CustodyException(String code, String message, String field) {
        super(message);
        this.code = code;
        this.field = field;
    }

    /** The stable error code. */
    public String code() {
        return code;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
