package io.skyx.api.settlement;

import io.skyx.node.cipher.PubKey;
import io.skyx.node.cipher.SHA256;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything one epoch's settlement depends on, loaded from the stored records: the job is a pure function of
 * this, so the same input always gives the same report hash.
 *
 * @param reports every stored usage report of the epoch (both edges, all windows)
 * @param claims  the epoch's accepted claims
 * @param ips     external IP per relay (relays missing here have no known IP)
 */
record SettlementInput(long epoch, List<Report> reports, List<Claim> claims, Map<PubKey, String> ips,
                       Params params) {

    /** One stored usage report. */
    record Report(SHA256 id, PubKey reporter, PubKey peer, UUID transportId, String type, long sent, long recv,
                  long seq) {
    }

    /** One accepted epoch claim. */
    record Claim(SHA256 id, PubKey relay, String rewardAddress, List<SHA256> reportIds) {
    }

    /**
     * The published rules of the pool.
     *
     * @param poolDroplets the epoch's pool from configuration
     * @param carryIn      the remainder carried from the previous epoch
     * @param ipCap        most relays paid per IP
     * @param minBytes     least credited bytes per transport direction
     */
    record Params(long poolDroplets, long carryIn, String exponent, int ipCap, long minBytes) {
        Params {
            if (poolDroplets < 0 || carryIn < 0 || ipCap < 1 || minBytes < 0) {
                throw new IllegalArgumentException("invalid settlement parameters");
            }
            WeightRule.of(exponent);
        }
    }
}
