package io.skyx.ops.engine;

import io.skyx.engine.AssetSpec;
import io.skyx.engine.EngineConfig;
import io.skyx.engine.EngineLimits;
import io.skyx.engine.ExchangeEngine;
import io.skyx.engine.L2Book;
import io.skyx.engine.MarketSpec;
import io.skyx.engine.OrderType;
import io.skyx.engine.ResultCode;
import io.skyx.engine.Side;
import io.skyx.engine.StpMode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * exchange-core's single-book benchmark stream (../shared/bench/ec-workload-exchange.csv.gz) held in primitive
 * columns, and how its commands map onto {@link ExchangeEngine} calls:
 * {@code P} GTC/IOC to GTC/IOC, FOK_BUDGET to FOK_BUDGET with the file's price field as the total budget (in
 * ticks x lots, times quoteTickUnits for quote units); {@code M} to amend with a new price (a move);
 * {@code R} to reduce; {@code C} to cancel. Market: base lot 100, quote tick 10 (the file's scale factors).
 */
final class EcWorkload {
    static final byte PLACE = 1;
    static final byte MOVE = 2;
    static final byte CANCEL = 3;
    static final byte REDUCE = 4;
    static final int MARKET = 40_000;
    static final int BASE = 3762;
    static final int QUOTE = 3928;
    static final long QUOTE_TICK = 10;
    static final int USERS = 1000;
    static final EngineConfig CONFIG = new EngineConfig(
            List.of(new AssetSpec(BASE, "C3762", 2), new AssetSpec(QUOTE, "C3928", 1)),
            List.of(new MarketSpec(MARKET, "C3762-C3928", BASE, QUOTE, 100, QUOTE_TICK, 1, 0, 2_462, 3_372)));

    private static final Pattern L2 = Pattern.compile("(askPrices|askVolumes|bidPrices|bidVolumes)=\\[([^\\]]*)]");
    private static final OrderType[] TYPES = {OrderType.GTC, OrderType.IOC, OrderType.FOK_BUDGET};

    final int prefill;
    final int size;
    final byte[] op;
    final byte[] side;
    final byte[] type;
    final long[] orderId;
    final long[] uid;
    final long[] price;
    final long[] qty;
    final L2Book expected;

    private EcWorkload(int prefill, int size, byte[] op, byte[] side, byte[] type, long[] orderId, long[] uid,
                       long[] price, long[] qty, L2Book expected) {
        this.prefill = prefill;
        this.size = size;
        this.op = op;
        this.side = side;
        this.type = type;
        this.orderId = orderId;
        this.uid = uid;
        this.price = price;
        this.qty = qty;
        this.expected = expected;
    }

    /** Number of timed (B) commands. */
    int timed() {
        return size - prefill;
    }

    /** Deposits every user's funds (the workload's users are never limited by balances). Returns next seq. */
    static long fund(ExchangeEngine e, long seq) {
        long each = EngineLimits.MAX_BALANCE / (USERS + 1);
        for (long u = 1; u <= USERS; u++) {
            e.creditDeposit(++seq, 0, u, BASE, each);
            e.creditDeposit(++seq, 0, u, QUOTE, each);
        }
        return seq;
    }

    /** Applies command i with sequence number seq. */
    ResultCode apply(ExchangeEngine e, int i, long seq) {
        long ts = seq;
        return switch (op[i]) {
            case PLACE -> {
                OrderType t = TYPES[type[i]];
                Side s = side[i] == 0 ? Side.BID : Side.ASK;
                yield t == OrderType.FOK_BUDGET
                        ? e.placeOrder(seq, ts, uid[i], MARKET, orderId[i], 0, s, t, 0, qty[i], price[i] * QUOTE_TICK,
                        StpMode.NONE)
                        : e.placeOrder(seq, ts, uid[i], MARKET, orderId[i], 0, s, t, price[i], qty[i], 0, StpMode.NONE);
            }
            case MOVE -> e.amendOrder(seq, ts, uid[i], orderId[i], price[i], 0);
            case CANCEL -> e.cancelOrder(seq, ts, uid[i], orderId[i]);
            default -> e.reduceOrder(seq, ts, uid[i], orderId[i], qty[i]);
        };
    }

    static Path defaultFile() {
        String dir = System.getProperty("skyx.shared.dir", "../shared");
        return Path.of(dir, "bench", "ec-workload-exchange.csv.gz");
    }

    static EcWorkload load(Path file) throws IOException {
        int cap = 3_100_000;
        byte[] op = new byte[cap];
        byte[] side = new byte[cap];
        byte[] type = new byte[cap];
        long[] orderId = new long[cap];
        long[] uid = new long[cap];
        long[] price = new long[cap];
        long[] qty = new long[cap];
        int n = 0;
        int prefill = 0;
        L2Book expected = null;
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                1 << 16)) {
            byte[] line = new byte[1 << 16];
            int len;
            while ((len = readLine(in, line)) >= 0) {
                if (len == 0) {
                    continue;
                }
                if (line[0] == '#') {
                    String text = new String(line, 0, len, java.nio.charset.StandardCharsets.US_ASCII);
                    if (text.startsWith("# final_l2")) {
                        expected = parseL2(text);
                    }
                    continue;
                }
                if (n == cap) {
                    cap *= 2;
                    op = Arrays.copyOf(op, cap);
                    side = Arrays.copyOf(side, cap);
                    type = Arrays.copyOf(type, cap);
                    orderId = Arrays.copyOf(orderId, cap);
                    uid = Arrays.copyOf(uid, cap);
                    price = Arrays.copyOf(price, cap);
                    qty = Arrays.copyOf(qty, cap);
                }
                Fields f = new Fields(line, len);
                byte phase = f.next()[0];
                if (phase == 'F') {
                    prefill++;
                } else if (phase != 'B') {
                    throw new IOException("bad line " + (n + 1) + ": expected F or B");
                }
                byte kind = f.next()[0];
                orderId[n] = f.nextLong();
                uid[n] = f.nextLong();
                switch (kind) {
                    case 'P' -> {
                        op[n] = PLACE;
                        side[n] = (byte) (f.next()[0] == 'B' ? 0 : 1);
                        byte[] t = f.next();
                        type[n] = (byte) (t[0] == 'G' ? 0 : t[0] == 'I' ? 1 : 2);
                        price[n] = f.nextLong();
                        qty[n] = f.nextLong();
                    }
                    case 'M' -> {
                        op[n] = MOVE;
                        price[n] = f.nextLong();
                    }
                    case 'C' -> op[n] = CANCEL;
                    case 'R' -> {
                        op[n] = REDUCE;
                        qty[n] = f.nextLong();
                    }
                    default -> throw new IOException("bad command kind on line " + (n + 1));
                }
                n++;
            }
        }
        if (expected == null) {
            throw new IOException(file + " has no '# final_l2' header");
        }
        return new EcWorkload(prefill, n, op, side, type, orderId, uid, price, qty, expected);
    }

    private static int readLine(InputStream in, byte[] buf) throws IOException {
        int len = 0;
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (len < buf.length) {
                buf[len++] = (byte) c;
            }
        }
        return c < 0 && len == 0 ? -1 : len;
    }

    static L2Book parseL2(String header) {
        long[][] v = new long[4][];
        Matcher m = L2.matcher(header);
        while (m.find()) {
            int k = switch (m.group(1)) {
                case "askPrices" -> 0;
                case "askVolumes" -> 1;
                case "bidPrices" -> 2;
                default -> 3;
            };
            String body = m.group(2).trim();
            v[k] = body.isEmpty() ? new long[0]
                    : Arrays.stream(body.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
        }
        for (long[] a : v) {
            if (a == null) {
                throw new IllegalArgumentException("final_l2 header lacks a price or volume list");
            }
        }
        return new L2Book(MARKET, v[2], v[3], v[0], v[1]);
    }

    /** Splits one CSV line without allocating per field beyond a small buffer. */
    private static final class Fields {
        private final byte[] line;
        private final int len;
        private int pos;
        private final byte[] field = new byte[32];

        Fields(byte[] line, int len) {
            this.line = line;
            this.len = len;
        }

        byte[] next() throws IOException {
            if (pos > len) {
                throw new IOException("missing field");
            }
            int k = 0;
            while (pos < len && line[pos] != ',') {
                if (k < field.length) {
                    field[k++] = line[pos];
                }
                pos++;
            }
            pos++;
            if (k < field.length) {
                field[k] = 0;
            }
            return field;
        }

        long nextLong() throws IOException {
            if (pos >= len) {
                throw new IOException("missing number");
            }
            long v = 0;
            int digits = 0;
            while (pos < len && line[pos] != ',') {
                int d = line[pos++] - '0';
                if (d < 0 || d > 9) {
                    throw new IOException("not a number");
                }
                v = v * 10 + d;
                digits++;
            }
            pos++;
            if (digits == 0 || digits > 18) {
                throw new IOException("bad number");
            }
            return v;
        }
    }
}
