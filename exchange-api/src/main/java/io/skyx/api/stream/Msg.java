package io.skyx.api.stream;

/**
 * One stream message as sent: its stream ("book:SKY-BTC", "trades:SKY-BTC", "orders:42", …), its position
 * (journal sequence number and index among the messages of that command on that stream) and its JSON text.
 */
record Msg(String stream, long seq, int idx, String json) {

    /** A position on a stream; (seq, idx) is a total order. {@code idx = Integer.MAX_VALUE}: all of seq. */
    record Pos(long seq, int idx) implements Comparable<Pos> {

        static final Pos ZERO = new Pos(0, Integer.MAX_VALUE);

        /** The position after every message of command {@code seq}. */
        static Pos after(long seq) {
            return new Pos(seq, Integer.MAX_VALUE);
        }

        @Override
        public int compareTo(Pos o) {
            int c = Long.compare(seq, o.seq);
            return c != 0 ? c : Integer.compare(idx, o.idx);
        }

        boolean before(Pos o) {
            return compareTo(o) < 0;
        }
    }

    Pos pos() {
        return new Pos(seq, idx);
    }
}
