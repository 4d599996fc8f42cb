package io.skyx.node.reserves;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only history of published roots: one root per asset and snapshot, for ever. Publishing a different
 * root for a snapshot that has one is refused ({@link ProofError#CONFLICTING_ROOT}: the clash attack, two
 * users shown two trees); publishing the same one again changes nothing. Not thread-safe.
 */
public final class RootHistory {
    private final List<PublishedRoot> roots = new ArrayList<>();
    private final Map<SnapshotRef, PublishedRoot> byRef = new HashMap<>();

    /** Appends {@code root}; returns false when exactly this root was already published. */
    public boolean publish(PublishedRoot root) {
        PublishedRoot earlier = byRef.get(root.ref());
        if (earlier != null) {
            if (earlier.equals(root)) {
                return false;
            }
            throw new ProofException(ProofError.CONFLICTING_ROOT, root.ref() + " already has root "
                    + earlier.rootHash());
        }
        roots.add(root);
        byRef.put(root.ref(), root);
        return true;
    }

    /** The root published for {@code ref}, or null. */
    public PublishedRoot get(SnapshotRef ref) {
        return byRef.get(ref);
    }

    /** Every root in publication order. */
    public List<PublishedRoot> all() {
        return List.copyOf(roots);
    }
}
