package io.skyx.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binary form of {@link EngineState}: magic "SKYXENG1", SHA-256 of the config, then the state, big-endian.
 * Decoding checks everything and refuses a corrupt or foreign snapshot with an IllegalArgumentException.
 */
final class SnapshotCodec {
    private static final byte[] MAGIC = "SKYXENG1".getBytes(StandardCharsets.US_ASCII);
    private static final int BALANCE_BYTES = 28;
    private static final int FEE_BYTES = 12;
    private static final int ORDER_BYTES = 79;

    private SnapshotCodec() {
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    static int size(EngineState s) {
        return MAGIC.length + 32 + 24 + 12 + s.balances().size() * BALANCE_BYTES + s.fees().size() * FEE_BYTES
                + s.orders().size() * ORDER_BYTES;
    }

    static byte[] encode(EngineConfig config, EngineState s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size(s));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.write(sha256(config.toString().getBytes(StandardCharsets.UTF_8)));
            out.writeLong(s.lastSeq());
            out.writeLong(s.lastEventSeq());
            out.writeLong(s.lastTradeId());
            out.writeInt(s.balances().size());
            out.writeInt(s.fees().size());
            out.writeInt(s.orders().size());
            for (EngineState.Balance b : s.balances()) {
                out.writeLong(b.userId());
                out.writeInt(b.assetId());
                out.writeLong(b.available());
                out.writeLong(b.locked());
            }
            for (EngineState.Fee f : s.fees()) {
                out.writeInt(f.assetId());
                out.writeLong(f.amount());
            }
            for (EngineState.Order o : s.orders()) {
                out.writeLong(o.orderId());
                out.writeLong(o.clientOrderId());
                out.writeLong(o.userId());
                out.writeInt(o.marketId());
                out.writeByte(o.side().ordinal());
                out.writeByte(o.type().ordinal());
                out.writeByte(o.stp().ordinal());
                out.writeLong(o.price());
                out.writeLong(o.size());
                out.writeLong(o.remaining());
                out.writeLong(o.locked());
                out.writeLong(o.feeCredit());
                out.writeLong(o.timestampMs());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static EngineState decode(EngineConfig config, byte[] bytes) {
        if (bytes == null) {
            throw new IllegalArgumentException("snapshot: no bytes");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            require(Arrays.equals(magic, MAGIC), "not an engine snapshot (bad magic)");
            byte[] fingerprint = in.readNBytes(32);
            require(Arrays.equals(fingerprint, sha256(config.toString().getBytes(StandardCharsets.UTF_8))),
                    "taken under a different engine configuration");
            long lastSeq = in.readLong();
            long lastEventSeq = in.readLong();
            long lastTradeId = in.readLong();
            require(lastSeq >= 0 && lastEventSeq >= 0 && lastTradeId >= 0, "negative counters");
            int nb = in.readInt();
            int nf = in.readInt();
            int no = in.readInt();
            require(nb >= 0 && nf >= 0 && no >= 0, "negative counts");
            long expected = (long) nb * BALANCE_BYTES + (long) nf * FEE_BYTES + (long) no * ORDER_BYTES;
            require(expected == in.available(), "length does not match its counts");
            List<EngineState.Balance> balances = new ArrayList<>(nb);
            for (int i = 0; i < nb; i++) {
                var b = new EngineState.Balance(in.readLong(), in.readInt(), in.readLong(), in.readLong());
                require(b.userId() > 0 && config.asset(b.assetId()) != null, "balance of unknown user/asset");
                require(b.available() >= 0 && b.locked() >= 0 && (b.available() | b.locked()) != 0,
                        "balance negative or zero");
                if (i > 0) {
                    var p = balances.get(i - 1);
                    require(p.userId() < b.userId() || p.userId() == b.userId() && p.assetId() < b.assetId(),
                            "balances not in ascending (user, asset) order");
                }
                balances.add(b);
            }
            List<EngineState.Fee> fees = new ArrayList<>(nf);
            for (int i = 0; i < nf; i++) {
                var f = new EngineState.Fee(in.readInt(), in.readLong());
                require(config.asset(f.assetId()) != null && f.amount() > 0, "bad fee balance");
                require(i == 0 || fees.get(i - 1).assetId() < f.assetId(), "fees not in ascending asset order");
                fees.add(f);
            }
            List<EngineState.Order> orders = new ArrayList<>(no);
            for (int i = 0; i < no; i++) {
                orders.add(readOrder(in));
            }
            checkOrders(config, orders, balances);
            return new EngineState(lastSeq, lastEventSeq, lastTradeId, balances, fees, orders);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt snapshot: truncated", e);
        }
    }

    private static EngineState.Order readOrder(DataInputStream in) throws IOException {
        long orderId = in.readLong();
        long clientOrderId = in.readLong();
        long userId = in.readLong();
        int marketId = in.readInt();
        int side = in.readByte();
        int type = in.readByte();
        int stp = in.readByte();
        require(side >= 0 && side < Side.values().length && type >= 0 && type < OrderType.values().length
                && stp >= 0 && stp < StpMode.values().length, "bad enum in an order");
        return new EngineState.Order(orderId, clientOrderId, userId, marketId, Side.values()[side],
                OrderType.values()[type], StpMode.values()[stp], in.readLong(), in.readLong(), in.readLong(),
                in.readLong(), in.readLong(), in.readLong());
    }

    private static void checkOrders(EngineConfig config, List<EngineState.Order> orders,
                                    List<EngineState.Balance> balances) {
        Set<Long> ids = new HashSet<>();
        Map<String, Long> lockSums = new HashMap<>();
        EngineState.Order prev = null;
        for (EngineState.Order o : orders) {
            MarketSpec m = config.market(o.marketId());
            require(m != null, "order in an unknown market");
            require(o.orderId() > 0 && ids.add(o.orderId()), "order id not positive or repeated");
            require(o.userId() > 0 && o.clientOrderId() >= 0, "bad order owner or client id");
            require(o.type().rests(), "a resting order must be GTC or POST_ONLY");
            require(o.price() >= 1 && o.price() <= EngineLimits.MAX_PRICE, "order price out of range");
            require(o.remaining() >= 1 && o.remaining() <= o.size() && o.size() <= EngineLimits.MAX_SIZE,
                    "order size out of range");
            require(o.feeCredit() >= 0 && o.feeCredit() < EngineLimits.PPM, "order fee credit out of range");
            require(o.locked() >= PlaceRules.restingLock(m, o.side(), o.price(), o.remaining(), o.feeCredit()),
                    "order locks less than it could spend");
            if (prev != null) {
                boolean sameBook = prev.marketId() == o.marketId();
                require(prev.marketId() <= o.marketId(), "orders not in ascending market order");
                if (sameBook && prev.side() == o.side()) {
                    require(o.side() == Side.BID ? prev.price() >= o.price() : prev.price() <= o.price(),
                            "orders not in price priority");
                } else if (sameBook) {
                    require(prev.side() == Side.BID && o.side() == Side.ASK, "bids must come before asks");
                }
            }
            prev = o;
            int asset = o.side() == Side.BID ? m.quoteAsset() : m.baseAsset();
            lockSums.merge(o.userId() + "/" + asset, o.locked(), Math::addExact);
        }
        for (EngineState.Balance b : balances) {
            Long sum = lockSums.remove(b.userId() + "/" + b.assetId());
            require((sum == null ? 0 : sum) == b.locked(), "locked balance differs from its orders' locks");
        }
        require(lockSums.isEmpty(), "orders lock funds of a missing balance");
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("corrupt snapshot: " + what);
        }
    }
}
