package io.skyx.node.coin;

/**
 * Outcome of a transaction check: {@link #OK} or the one rule that failed (skycoin-protocol.md §7.4). Each constant
 * carries Skycoin's wording of the error and whether it is a hard (consensus) or soft (relay / block creation) rule.
 */
public enum TxnResult {
    OK(Kind.NONE, "ok"),

    // structure (Transaction.Verify)
    NO_INPUTS(Kind.HARD, "No inputs"),
    NO_OUTPUTS(Kind.HARD, "No outputs"),
    SIGNATURE_COUNT_MISMATCH(Kind.HARD, "Invalid number of signatures"),
    TOO_MANY_INPUTS(Kind.HARD, "Too many signatures and inputs"),
    TOO_MANY_OUTPUTS(Kind.HARD, "Too many outputs"),
    DUPLICATE_INPUT(Kind.HARD, "Duplicate spend"),
    INVALID_TYPE(Kind.HARD, "transaction type invalid"),
    LENGTH_MISMATCH(Kind.HARD, "transaction size prefix invalid"),
    DUPLICATE_OUTPUT(Kind.HARD, "Duplicate output in transaction"),
    NULL_SIGNATURE(Kind.HARD, "Unsigned input in transaction"),
    INVALID_SIGNATURE(Kind.HARD, "Signature does not recover to a valid public key"),
    ZERO_COIN_OUTPUT(Kind.HARD, "Zero coin output"),
    OUTPUT_COINS_OVERFLOW(Kind.HARD, "Output coins overflow"),
    INNER_HASH_MISMATCH(Kind.HARD, "InnerHash does not match computed hash"),

    // against the unspent set
    INPUT_NOT_UNSPENT(Kind.HARD, "Input is not in the unspent set"),
    SIGNATURE_NOT_FOR_INPUT(Kind.HARD, "Signature not valid for output being spent"),
    NEW_OUTPUT_COLLIDES(Kind.HARD, "New unspent collides with existing unspent"),

    // amounts
    INPUT_COINS_OVERFLOW(Kind.HARD, "Transaction input coins overflow"),
    INSUFFICIENT_COINS(Kind.HARD, "Insufficient coins"),
    COINS_DESTROYED(Kind.HARD, "Transactions may not destroy coins"),
    INPUT_HOURS_CALCULATION_OVERFLOW(Kind.HARD, "Input coin hours calculation overflows"),
    INPUT_HOURS_OVERFLOW(Kind.HARD, "Transaction input hours overflow"),
    OUTPUT_HOURS_OVERFLOW(Kind.HARD, "Transaction output hours overflow"),
    INSUFFICIENT_HOURS(Kind.HARD, "Insufficient coinhours for transaction outputs"),

    // soft rules
    TOO_LARGE(Kind.SOFT, "Transaction size bigger than max block size"),
    NO_FEE(Kind.SOFT, "Transaction has zero coinhour fee"),
    HOURS_AND_FEE_OVERFLOW(Kind.SOFT, "Hours and fee overflow"),
    INSUFFICIENT_FEE(Kind.SOFT, "Transaction coinhour fee minimum not met"),
    LOCKED_INPUT(Kind.SOFT, "Transaction has locked address inputs"),
    TOO_MANY_DECIMALS(Kind.SOFT, "invalid amount, too many decimal places"),

    // user rules
    NULL_ADDRESS_OUTPUT(Kind.USER, "Transaction output is sent to the null address");

    /** Which family of rules a result belongs to. */
    public enum Kind { NONE, HARD, SOFT, USER }

    private final Kind kind;
    private final String message;

    TxnResult(Kind kind, String message) {
        this.kind = kind;
        this.message = message;
    }

    public Kind kind() {
        return kind;
    }

    /** @return Skycoin's wording of this rule's error */
    public String message() {
        return message;
    }

    public boolean ok() {
        return this == OK;
    }

    /** @return Skycoin's visor error text, e.g. {@code Transaction violates soft constraint: <message>} */
    public String violation() {
        String family = switch (kind) {
            case SOFT -> "soft";
            case USER -> "user";
            default -> "hard";
        };
        return "Transaction violates " + family + " constraint: " + message;
    }
}
