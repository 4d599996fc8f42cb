package io.skyx.skywire;

/** The kinds of signed Skywire records; the code is the first byte of a record body and never changes. */
public enum RecordKind {
    /** A relay's byte counters for one transport and window ({@link UsageReport}). */
    USAGE_REPORT(1),
    /** A relay's request for payment for one epoch ({@link EpochClaim}). */
    EPOCH_CLAIM(2);

    private final int code;

    RecordKind(int code) {
        this.code = code;
    }

    /** @return the stable wire code */
    public int code() {
        return code;
    }

    /** @return the kind with this wire code, or null */
    public static RecordKind ofCode(int code) {
        for (RecordKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }
}
