package io.skyx.api.sequencer;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The journal's binary form of a {@link Command}: a format version byte, a kind byte, then fixed big-endian
 * fields (enums by their stable {@link Codes}, never by ordinal), then strings as a u16 length and US-ASCII bytes
 * (0xFFFF: null). {@link #size}, {@link #encode} and {@link #decode} agree exactly. An unknown version, kind or
 * enum code fails loudly with IllegalArgumentException. The bytes are pinned by {@code CommandCodecGoldenTest}.
 */
final class CommandCodec {

    /** The format version written now; the only one read. */
    static final byte VERSION = 1;

    static final byte DEPOSIT = 1;
    static final byte PLACE = 2;
    static final byte CANCEL = 3;
    static final byte CANCEL_ALL = 4;
    static final byte RESERVE_WITHDRAWAL = 5;
    static final byte COMPLETE_WITHDRAWAL = 6;
    static final byte REFUND_WITHDRAWAL = 7;
    static final byte FUND_SETTLEMENT_POOL = 8;
    static final byte CREDIT_SETTLEMENT_PAYOUT = 9;
    static final byte PAY_SETTLEMENT_ON_CHAIN = 10;

    private CommandCodec() {
    }

    static byte kind(Command c) {
        return switch (c) {
            case Command.CreditDeposit d -> DEPOSIT;
            case Command.Place p -> PLACE;
            case Command.Cancel x -> CANCEL;
            case Command.CancelAll x -> CANCEL_ALL;
            case Command.ReserveWithdrawal w -> RESERVE_WITHDRAWAL;
            case Command.CompleteWithdrawal w -> COMPLETE_WITHDRAWAL;
            case Command.RefundWithdrawal w -> REFUND_WITHDRAWAL;
            case Command.FundSettlementPool f -> FUND_SETTLEMENT_POOL;
            case Command.CreditSettlementPayout o -> CREDIT_SETTLEMENT_PAYOUT;
            case Command.PaySettlementOnChain o -> PAY_SETTLEMENT_ON_CHAIN;
        };
    }

    static int size(Command c) {
        return 2 + switch (c) {
            case Command.CreditDeposit d -> 8 + 4 + 8 + str(d.key());
            case Command.Place p -> 8 + 4 + 1 + 1 + 8 + 8 + 8 + 1 + str(p.clientOrderId());
            case Command.Cancel x -> 8 + 8;
            case Command.CancelAll x -> 8 + 4;
            case Command.ReserveWithdrawal w -> 8 + 8 + 4 + 8;
            case Command.CompleteWithdrawal w -> 8;
            case Command.RefundWithdrawal w -> 8;
            case Command.FundSettlementPool f -> 4 + 8 + str(f.key());
            case Command.CreditSettlementPayout o -> 8 + 4 + 8 + str(o.key());
            case Command.PaySettlementOnChain o -> 4 + 8 + str(o.key());
        };
    }

    static byte[] encode(Command c) {
        ByteBuffer b = ByteBuffer.allocate(size(c));
        b.put(VERSION).put(kind(c));
        switch (c) {
            case Command.CreditDeposit d -> {
                b.putLong(d.userId()).putInt(d.assetId()).putLong(d.amount());
                putStr(b, d.key());
            }
            case Command.Place p -> {
                b.putLong(p.userId()).putInt(p.marketId()).put((byte) Codes.side(p.side()))
                        .put((byte) Codes.orderType(p.type())).putLong(p.price()).putLong(p.size())
                        .putLong(p.quoteBudget()).put((byte) Codes.stp(p.stp()));
                putStr(b, p.clientOrderId());
            }
            case Command.Cancel x -> b.putLong(x.userId()).putLong(x.orderId());
            case Command.CancelAll x -> b.putLong(x.userId()).putInt(x.marketId());
            case Command.ReserveWithdrawal w -> b.putLong(w.withdrawalId()).putLong(w.userId()).putInt(w.assetId())
                    .putLong(w.amount());
            case Command.CompleteWithdrawal w -> b.putLong(w.withdrawalId());
            case Command.RefundWithdrawal w -> b.putLong(w.withdrawalId());
            case Command.FundSettlementPool f -> {
                b.putInt(f.assetId()).putLong(f.amount());
                putStr(b, f.key());
            }
            case Command.CreditSettlementPayout o -> {
                b.putLong(o.userId()).putInt(o.assetId()).putLong(o.amount());
                putStr(b, o.key());
            }
            case Command.PaySettlementOnChain o -> {
                b.putInt(o.assetId()).putLong(o.amount());
                putStr(b, o.key());
            }
        }
        if (b.hasRemaining()) {
            throw new IllegalStateException("size and encode disagree for " + c);
        }
        return b.array();
    }

    /** Decodes one command; a malformed payload gives IllegalArgumentException and nothing else. */
    static Command decode(byte[] bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            byte version = b.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown command format version " + version
                        + " (this build reads version " + VERSION + ")");
            }
            byte kind = b.get();
            Command c = switch (kind) {
                case DEPOSIT -> new Command.CreditDeposit(b.getLong(), b.getInt(), b.getLong(), getStr(b));
                case PLACE -> new Command.Place(b.getLong(), b.getInt(), Codes.side(b.get()),
                        Codes.orderType(b.get()), b.getLong(), b.getLong(), b.getLong(), Codes.stp(b.get()),
                        getStr(b));
                case CANCEL -> new Command.Cancel(b.getLong(), b.getLong());
                case CANCEL_ALL -> new Command.CancelAll(b.getLong(), b.getInt());
                case RESERVE_WITHDRAWAL -> new Command.ReserveWithdrawal(b.getLong(), b.getLong(), b.getInt(),
                        b.getLong());
                case COMPLETE_WITHDRAWAL -> new Command.CompleteWithdrawal(b.getLong());
                case REFUND_WITHDRAWAL -> new Command.RefundWithdrawal(b.getLong());
                case FUND_SETTLEMENT_POOL -> new Command.FundSettlementPool(b.getInt(), b.getLong(), getStr(b));
                case CREDIT_SETTLEMENT_PAYOUT -> new Command.CreditSettlementPayout(b.getLong(), b.getInt(),
                        b.getLong(), getStr(b));
                case PAY_SETTLEMENT_ON_CHAIN -> new Command.PaySettlementOnChain(b.getInt(), b.getLong(), getStr(b));
                default -> throw new IllegalArgumentException("unknown command kind " + kind);
            };
            if (b.hasRemaining()) {
                throw new IllegalArgumentException(b.remaining() + " trailing bytes after command");
            }
            return c;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated command payload", e);
        } catch (NullPointerException e) {
            throw new IllegalArgumentException("command payload lacks a required field", e);
        }
    }

    static int str(String s) {
        return 2 + (s == null ? 0 : s.length());
    }

    static void putStr(ByteBuffer b, String s) {
        if (s == null) {
            b.putShort((short) 0xFFFF);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
        b.putShort((short) bytes.length).put(bytes);
    }

    static String getStr(ByteBuffer b) {
        int len = Short.toUnsignedInt(b.getShort());
        if (len == 0xFFFF) {
            return null;
        }
        if (len > Command.MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("string too long: " + len);
        }
        byte[] bytes = new byte[len];
        b.get(bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
