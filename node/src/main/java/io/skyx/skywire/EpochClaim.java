package io.skyx.skywire;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.PubKey;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.encoding.DecodeError;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;
import java.util.List;
import java.util.Objects;

/**
 * A relay's request for payment for one epoch (one UTC day): the content hashes of the usage reports it
 * summarises and the Skycoin address to pay.
 *
 * <p>Encoding after {@code kind ‖ version}: {@code relay [33] ‖ epoch u32 ‖ reward_address [21] ‖ reports
 * []SHA256} (uint32 count, then 32 bytes each, at most {@value #MAX_REPORTS}).
 *
 * @param epoch the UTC day number (days since 1970-01-01)
 */
public record EpochClaim(PubKey relay, long epoch, Address rewardAddress, List<SHA256> reports)
        implements RecordBody {
    /** Most report hashes one claim may list. */
    public static final int MAX_REPORTS = 4096;

    /** Checks the field domains. */
    public EpochClaim {
        Objects.requireNonNull(relay, "relay");
        Objects.requireNonNull(rewardAddress, "rewardAddress");
        reports = List.copyOf(reports);
        if (epoch < 0 || epoch > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("epoch out of range: " + epoch);
        }
        if (reports.size() > MAX_REPORTS) {
            throw new IllegalArgumentException("more than " + MAX_REPORTS + " reports");
        }
    }

    @Override
    public RecordKind kind() {
        return RecordKind.EPOCH_CLAIM;
    }

    @Override
    public PubKey signer() {
        return relay;
    }

    @Override
    public void writeFields(Encoder e) {
        relay.writeTo(e);
        e.u32(epoch);
        rewardAddress.writeTo(e);
        e.slice(reports, (h, enc) -> h.writeTo(enc));
    }

    static EpochClaim readFields(Decoder d) throws DecodeException {
        PubKey relay = PubKey.read(d);
        long epoch = d.u32();
        Address address = Address.read(d);
        if (address.version() != 0) {
            throw d.error(DecodeError.INVALID_VALUE, "reward address version must be 0");
        }
        List<SHA256> reports = d.slice(MAX_REPORTS, SHA256.SIZE, SHA256::read);
        return new EpochClaim(relay, epoch, address, reports);
    }
}
