package io.skyx.node.reserves;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reserves against liabilities, per asset, at one snapshot. Every reserve address must have signed the
 * snapshot's challenge, and no address may be counted twice, within an asset or across assets; assets are
 * never netted against each other.
 */
public final class Solvency {

    /** One reserve address with its on-chain balance at the snapshot height and its signature. */
    public record Reserve(String asset, String address, boolean hot, long units, String signature) {
    }

    /** Checks one reserve's signature against the challenge of its asset (throws {@link ProofException}). */
    @FunctionalInterface
    public interface SignatureCheck {
        void check(Reserve reserve, ReserveChallenge challenge);
    }

    /** One asset's position. {@code ratioPpm}: reserves / liabilities in parts per million (null: no liabilities). */
    public record Position(String asset, BigInteger liabilities, BigInteger hot, BigInteger cold, BigInteger reserves,
                           Long ratioPpm, boolean solvent) {
    }

    private Solvency() {
    }

    /**
     * The position of every asset that has a challenge.
     *
     * @param liabilities per asset, the total of its tree
     * @param challenges  per asset, the challenge its reserves signed
     */
    public static Map<String, Position> check(Map<String, Value128> liabilities,
                                              Map<String, ReserveChallenge> challenges, List<Reserve> reserves,
                                              SignatureCheck signatures) {
        Map<String, String> seen = new HashMap<>();
        Map<String, BigInteger[]> sums = new LinkedHashMap<>();
        for (String asset : challenges.keySet()) {
            sums.put(asset, new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
        }
        for (Reserve r : reserves) {
            String earlier = seen.putIfAbsent(r.address(), r.asset());
            if (earlier != null) {
                throw new ProofException(ProofError.DUPLICATE_RESERVE, r.address() + " is counted for " + earlier
                        + " and again for " + r.asset());
            }
            ReserveChallenge challenge = challenges.get(r.asset());
            if (challenge == null) {
                throw new ProofException(ProofError.WRONG_SNAPSHOT, "no challenge for asset " + r.asset());
            }
            if (r.units() < 0) {
                throw new ProofException(ProofError.NEGATIVE_VALUE, "negative reserve at " + r.address());
            }
            signatures.check(r, challenge);
            sums.get(r.asset())[r.hot() ? 0 : 1] = sums.get(r.asset())[r.hot() ? 0 : 1].add(BigInteger.valueOf(r.units()));
        }
        Map<String, Position> out = new LinkedHashMap<>();
        for (Map.Entry<String, BigInteger[]> e : sums.entrySet()) {
            BigInteger owed = liabilities.getOrDefault(e.getKey(), Value128.ZERO).amount();
            BigInteger total = e.getValue()[0].add(e.getValue()[1]);
            Long ppm = owed.signum() == 0 ? null
                    : total.multiply(BigInteger.valueOf(1_000_000)).divide(owed).min(BigInteger.valueOf(Long.MAX_VALUE))
                    .longValueExact();
            out.put(e.getKey(), new Position(e.getKey(), owed, e.getValue()[0], e.getValue()[1], total, ppm,
                    total.compareTo(owed) >= 0));
        }
        return out;
    }
}
