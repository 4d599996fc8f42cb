package io.skyx.node.reserves;

import java.util.HexFormat;

/**
 * The text each reserve address signs for a snapshot: it names the asset, the snapshot, the liabilities root it
 * backs and a fresh nonce, so a signature made for another (older) snapshot cannot be reused.
 */
public record ReserveChallenge(SnapshotRef ref, String liabilitiesRoot, String nonce) {
    /** Checks the fields. */
    public ReserveChallenge {
        InclusionProof.parseHash(liabilitiesRoot);
        if (nonce == null || nonce.length() != 32 || !nonce.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new ProofException(ProofError.MALFORMED, "nonce is 32 hex characters");
        }
        liabilitiesRoot = liabilitiesRoot.toLowerCase(java.util.Locale.ROOT);
        nonce = nonce.toLowerCase(java.util.Locale.ROOT);
    }

    /** A challenge with a nonce drawn from {@code random} (16 bytes). */
    public static ReserveChallenge fresh(SnapshotRef ref, String liabilitiesRoot, java.util.random.RandomGenerator random) {
        byte[] n = new byte[16];
        for (int i = 0; i < n.length; i++) {
            n[i] = (byte) random.nextInt(256);
        }
        return new ReserveChallenge(ref, liabilitiesRoot, HexFormat.of().formatHex(n));
    }

    /** The exact text that is signed (ASCII, lines ending in \n). */
    public String text() {
        return "SkyX proof of reserves\nasset: " + ref.asset() + "\nsnapshot: " + ref.snapshot()
                + "\nliabilities-root: " + liabilitiesRoot + "\nnonce: " + nonce + "\n";
    }
}
