package io.skyx.api.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last messages of one public stream, for clients that resume with "since N". Everything at or before
 * {@code known} is not (or no longer) here. Used only on the hub's thread.
 */
final class StreamWindow {

    private final int max;
    private final ArrayDeque<Msg> recent = new ArrayDeque<>();
    private Msg.Pos known;

    StreamWindow(int max, long startSeq) {
        this.max = max;
        this.known = Msg.Pos.after(startSeq);
    }

    /** Forgets everything: from now on the window holds what comes after command {@code startSeq}. */
    void reset(long startSeq) {
        recent.clear();
        known = Msg.Pos.after(startSeq);
    }

    void add(Msg m) {
        recent.addLast(m);
        while (recent.size() > max) {
            known = recent.removeFirst().pos();
        }
    }

    /** The messages after {@code since}, or null when some of them may be missing from the window. */
    List<Msg> after(Msg.Pos since) {
        if (since.before(known)) {
            return null;
        }
        List<Msg> out = new ArrayList<>();
        for (Msg m : recent) {
            if (since.before(m.pos())) {
                out.add(m);
            }
        }
        return out;
    }
}
