package io.skyx.node.spend;

import io.skyx.node.cipher.Address;
import io.skyx.node.coin.TransactionOutput;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * What to build (Skycoin's {@code transaction.Params}): receivers, how their hours are chosen, the change address.
 *
 * @param hoursType     {@code manual} (receivers' hours as given) or {@code auto} (hours shared by coins)
 * @param mode          for auto: {@code share}; empty for manual
 * @param shareFactor   for share mode: the part (0..1) of the hours left after the fee that goes to receivers
 * @param to            receivers; in auto mode their hours must be 0
 * @param changeAddress where change goes; default: the lowest owner address (by bytes) of the spent outputs
 */
public record SpendRequest(String hoursType, String mode, Optional<BigDecimal> shareFactor,
                           List<TransactionOutput> to, Optional<Address> changeAddress) {
    public static final String MANUAL = "manual";
    public static final String AUTO = "auto";
    public static final String SHARE = "share";

    public SpendRequest {
        to = List.copyOf(to);
    }

    /** Skycoin's {@code Params.Validate}, with its messages. */
    void validate() throws SpendException {
        if (changeAddress.isPresent() && changeAddress.get().isNull()) {
            throw bad("ChangeAddress must not be the null address");
        }
        if (to.isEmpty()) {
            throw bad("To is required");
        }
        for (TransactionOutput o : to) {
            if (o.coins() == 0) {
                throw bad("To.Coins must not be zero");
            }
            if (o.address().isNull()) {
                throw bad("To.Address must not be the null address");
            }
        }
        if (new HashSet<>(to).size() != to.size()) {
            throw bad("To contains duplicate values");
        }
        switch (hoursType) {
            case AUTO -> {
                if (to.stream().anyMatch(o -> o.hours() != 0)) {
                    throw bad("To.Hours must be zero for auto type hours selection");
                }
                if (mode.isEmpty()) {
                    throw bad("HoursSelection.Mode is required for auto type hours selection");
                }
                if (!mode.equals(SHARE)) {
                    throw bad("Invalid HoursSelection.Mode");
                }
            }
            case MANUAL -> {
                if (!mode.isEmpty()) {
                    throw bad("HoursSelection.Mode cannot be used for manual type hours selection");
                }
            }
            default -> throw bad("Invalid HoursSelection.Type");
        }
        if (shareFactor.isEmpty()) {
            if (mode.equals(SHARE)) {
                throw bad("HoursSelection.ShareFactor must be set for share mode");
            }
        } else {
            if (!mode.equals(SHARE)) {
                throw bad("HoursSelection.ShareFactor can only be used for share mode");
            }
            BigDecimal f = shareFactor.get();
            if (f.signum() < 0 || f.compareTo(BigDecimal.ONE) > 0) {
                throw bad("HoursSelection.ShareFactor must be >= 0 and <= 1");
            }
        }
    }

    SpendRequest withShareFactor(BigDecimal f) {
        return new SpendRequest(hoursType, mode, Optional.of(f), to, changeAddress);
    }

    private static SpendException bad(String m) {
        return new SpendException(m, true);
    }
}
