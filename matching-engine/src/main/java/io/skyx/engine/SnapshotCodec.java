package io.skyx.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
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
import java.util.function.IntFunction;

/**
 * Binary form of {@link EngineState}, big-endian: magic "SKYXENG1", format version (short), SHA-256 of the
 * config, counters, counts, then user balances, system balances, pending withdrawals and open orders. Enums are
 * written as their explicit stable codes ({@code code()}), never ordinals. Decoding checks everything and
 * refuses an unknown version, an unknown enum code, a corrupt or a foreign snapshot with an
 * IllegalArgumentException saying which.
 */
final class SnapshotCodec {
    private static final byte[] MAGIC = "SKYXENG1".getBytes(StandardCharsets.US_ASCII);
    /** The format this build writes and the only one it reads. */
    static final int FORMAT_VERSION = 2;
    private static final int BALANCE_BYTES = 36;
    private static final int SYSTEM_BYTES = 13;
    private static final int WITHDRAWAL_BYTES = 28;
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
        return MAGIC.length + 2 + 32 + 24 + 16 + s.balances().size() * BALANCE_BYTES
                + s.system().size() * SYSTEM_BYTES + s.withdrawals().size() * WITHDRAWAL_BYTES
                + s.orders().size() * ORDER_BYTES;
    }

    static byte[] encode(EngineConfig config, EngineState s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size(s));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeShort(FORMAT_VERSION);
            out.write(sha256(config.toString().getBytes(StandardCharsets.UTF_8)));
            out.writeLong(s.lastSeq());
            out.writeLong(s.lastEventSeq());
            out.writeLong(s.lastTradeId());
            out.writeInt(s.balances().size());
            out.writeInt(s.system().size());
            out.writeInt(s.withdrawals().size());
            out.writeInt(s.orders().size());
            for (EngineState.Balance b : s.balances()) {
                out.writeLong(b.userId());
                out.writeInt(b.assetId());
                out.writeLong(b.available());
                out.writeLong(b.locked());
                out.writeLong(b.withdrawing());
            }
            for (EngineState.SystemBalance b : s.system()) {
                out.writeInt(b.assetId());
                out.writeByte(b.kind().code());
                out.writeLong(b.amount());
            }
            for (WithdrawalView w : s.withdrawals()) {
                out.writeLong(w.withdrawalId());
                out.writeLong(w.userId());
                out.writeInt(w.assetId());
                out.writeLong(w.amount());
            }
            for (EngineState.Order o : s.orders()) {
                out.writeLong(o.orderId());
                out.writeLong(o.clientOrderId());
                out.writeLong(o.userId());
                out.writeInt(o.marketId());
                out.writeByte(o.side().code());
                out.writeByte(o.type().code());
                out.writeByte(o.stp().code());
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
            int version = in.readUnsignedShort();
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException("unsupported snapshot format version " + version
                        + " (this build reads version " + FORMAT_VERSION + " only)");
            }
            byte[] fingerprint = in.readNBytes(32);
            require(Arrays.equals(fingerprint, sha256(config.toString().getBytes(StandardCharsets.UTF_8))),
                    "taken under a different engine configuration");
            long lastSeq = in.readLong();
            long lastEventSeq = in.readLong();
            long lastTradeId = in.readLong();
            require(lastSeq >= 0 && lastEventSeq >= 0 && lastTradeId >= 0, "negative counters");
            int nb = in.readInt();
            int ns = in.readInt();
            int nw = in.readInt();
            int no = in.readInt();
            require(nb >= 0 && ns >= 0 && nw >= 0 && no >= 0, "negative counts");
            long expected = (long) nb * BALANCE_BYTES + (long) ns * SYSTEM_BYTES + (long) nw * WITHDRAWAL_BYTES
                    + (long) no * ORDER_BYTES;
            require(expected == in.available(), "length does not match its counts");
            List<EngineState.Balance> balances = new ArrayList<>(nb);
            for (int i = 0; i < nb; i++) {
                var b = new EngineState.Balance(in.readLong(), in.readInt(), in.readLong(), in.readLong(),
                        in.readLong());
                require(b.userId() > 0 && config.asset(b.assetId()) != null, "balance of unknown user/asset");
                require(b.available() >= 0 && b.locked() >= 0 && b.withdrawing() >= 0
                        && (b.available() | b.locked() | b.withdrawing()) != 0, "balance negative or zero");
                if (i > 0) {
                    var p = balances.get(i - 1);
                    require(p.userId() < b.userId() || p.userId() == b.userId() && p.assetId() < b.assetId(),
                            "balances not in ascending (user, asset) order");
                }
                balances.add(b);
            }
            List<EngineState.SystemBalance> system = new ArrayList<>(ns);
            for (int i = 0; i < ns; i++) {
                int asset = in.readInt();
                int code = in.readUnsignedByte();
                var b = new EngineState.SystemBalance(asset, enumCode(AccountKind::fromCode, code), in.readLong());
                require(config.asset(asset) != null && b.kind().system(), "system balance of unknown asset/kind");
                require(b.amount() != 0 && (b.kind() == AccountKind.RESERVE) == b.amount() < 0,
                        "system balance zero or of the wrong sign");
                if (i > 0) {
                    var p = system.get(i - 1);
                    require(p.assetId() < asset || p.assetId() == asset && p.kind().code() < b.kind().code(),
                            "system balances not in ascending (asset, kind) order");
                }
                system.add(b);
            }
            List<WithdrawalView> withdrawals = new ArrayList<>(nw);
            for (int i = 0; i < nw; i++) {
                var w = new WithdrawalView(in.readLong(), in.readLong(), in.readInt(), in.readLong());
                require(w.withdrawalId() > 0 && w.userId() > 0 && config.asset(w.assetId()) != null
                        && w.amount() > 0, "bad pending withdrawal");
                require(i == 0 || withdrawals.get(i - 1).withdrawalId() < w.withdrawalId(),
                        "withdrawals not in ascending id order");
                withdrawals.add(w);
            }
            checkSums(config, balances, system, withdrawals);
            List<EngineState.Order> orders = new ArrayList<>(no);
            for (int i = 0; i < no; i++) {
                orders.add(readOrder(in));
            }
            checkOrders(config, orders, balances);
            return new EngineState(lastSeq, lastEventSeq, lastTradeId, balances, system, withdrawals, orders);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt snapshot: truncated", e);
        }
    }

    private static EngineState.Order readOrder(DataInputStream in) throws IOException {
        long orderId = in.readLong();
        long clientOrderId = in.readLong();
        long userId = in.readLong();
        int marketId = in.readInt();
        Side side = enumCode(Side::fromCode, in.readUnsignedByte());
        OrderType type = enumCode(OrderType::fromCode, in.readUnsignedByte());
        StpMode stp = enumCode(StpMode::fromCode, in.readUnsignedByte());
        return new EngineState.Order(orderId, clientOrderId, userId, marketId, side, type, stp, in.readLong(),
                in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
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

    private static <E> E enumCode(IntFunction<E> fromCode, int code) {
        try {
            return fromCode.apply(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("corrupt snapshot: " + e.getMessage(), e);
        }
    }

    /** Pending withdrawals add up to the users' withdrawing balances; per asset all accounts sum to zero. */
    private static void checkSums(EngineConfig config, List<EngineState.Balance> balances,
                                  List<EngineState.SystemBalance> system, List<WithdrawalView> withdrawals) {
        Map<String, Long> held = new HashMap<>();
        for (WithdrawalView w : withdrawals) {
            held.merge(w.userId() + "/" + w.assetId(), w.amount(), Math::addExact);
        }
        Map<Integer, BigInteger> sums = new HashMap<>();
        for (EngineState.Balance b : balances) {
            Long h = held.remove(b.userId() + "/" + b.assetId());
            require((h == null ? 0 : h) == b.withdrawing(), "withdrawing balance differs from its withdrawals");
            sums.merge(b.assetId(), BigInteger.valueOf(b.available()).add(BigInteger.valueOf(b.locked()))
                    .add(BigInteger.valueOf(b.withdrawing())), BigInteger::add);
        }
        require(held.isEmpty(), "withdrawals hold funds of a missing balance");
        for (EngineState.SystemBalance s : system) {
            sums.merge(s.assetId(), BigInteger.valueOf(s.amount()), BigInteger::add);
        }
        for (AssetSpec a : config.assets()) {
            require(sums.getOrDefault(a.id(), BigInteger.ZERO).signum() == 0,
                    "accounts of asset " + a.id() + " do not sum to zero");
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("corrupt snapshot: " + what);
        }
    }
}
