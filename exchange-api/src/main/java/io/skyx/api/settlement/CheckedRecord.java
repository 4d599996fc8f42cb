package io.skyx.api.settlement;

import io.skyx.node.encoding.DecodeException;
import io.skyx.skywire.EpochClaim;
import io.skyx.skywire.Reason;
import io.skyx.skywire.RecordChecks;
import io.skyx.skywire.SignedRecord;
import io.skyx.skywire.UsageReport;

/**
 * One incoming record after the checks that need no stored state (size, decoding, signature, transport ID,
 * reporter, window): pure CPU work, so {@link UsageIngester} runs it on every core before it opens the database.
 *
 * @param record    the decoded record, null when it did not decode
 * @param early     the refusal found before any stored state is read (size, decoding, signature), else null
 * @param stateless the refusal of the stateless report rules, applied after the duplicate and settled-epoch
 *                  checks (so the stored reason is the first failing check, in the documented order), else null
 */
record CheckedRecord(byte[] wire, String source, SignedRecord record, Reason early, Reason stateless,
                     String detail) {

    static CheckedRecord check(byte[] wire, String source, long nowSeconds) {
        if (wire == null || wire.length == 0) {
            return new CheckedRecord(new byte[0], source, null, Reason.MALFORMED, null, "empty record");
        }
        if (wire.length > SignedRecord.MAX_WIRE) {
            return new CheckedRecord(wire, source, null, Reason.OVERSIZE, null, "record of " + wire.length
                    + " bytes, max " + SignedRecord.MAX_WIRE);
        }
        SignedRecord record;
        try {
            record = SignedRecord.decode(wire);
        } catch (DecodeException e) {
            return new CheckedRecord(wire, source, null, Reason.MALFORMED, null, e.error() + ": " + e.getMessage());
        }
        if (!record.verify().ok()) {
            return new CheckedRecord(wire, source, record, Reason.BAD_SIGNATURE, null, record.verify().name());
        }
        Reason stateless = switch (record.parsed()) {
            case UsageReport r -> RecordChecks.check(r, nowSeconds).orElse(null);
            case EpochClaim cl -> cl.epoch() > RecordChecks.epochOf(nowSeconds) ? Reason.BAD_WINDOW : null;
        };
        String detail = stateless == null ? "" : record.parsed() instanceof EpochClaim cl
                ? "claim for a future epoch " + cl.epoch() : "stateless check";
        return new CheckedRecord(wire, source, record, null, stateless, detail);
    }

    /** @return the signer's key bytes, or null when the record did not decode */
    byte[] relay() {
        return record == null ? null : record.parsed().signer().bytes();
    }

    /** @return whether the record passed the early checks and needs the stored state */
    boolean verified() {
        return early == null;
    }

    long epoch() {
        return switch (record.parsed()) {
            case UsageReport r -> RecordChecks.epochOf(r.windowStart());
            case EpochClaim cl -> cl.epoch();
        };
    }
}
