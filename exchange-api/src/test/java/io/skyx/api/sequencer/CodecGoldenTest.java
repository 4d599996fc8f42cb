package io.skyx.api.sequencer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.engine.AccountKind;
import io.skyx.engine.CommandType;
import io.skyx.engine.ExpireReason;
import io.skyx.engine.OrderType;
import io.skyx.engine.ResultCode;
import io.skyx.engine.Side;
import io.skyx.engine.StpMode;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the journal's bytes: one command of each kind and one event of each type. A change here means journals
 * written by earlier builds replay differently: bump the format version and keep reading the old one instead.
 */
class CodecGoldenTest {

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void commandsEncodeToPinnedBytes() {
        assertThat(hex(CommandCodec.encode(new Command.CreditDeposit(7, 2, 1_000_000, "chain:ab:1"))))
                .isEqualTo(GOLDEN_DEPOSIT);
        assertThat(hex(CommandCodec.encode(new Command.Place(7, 1, Side.ASK, OrderType.POST_ONLY, 51, 3, 0,
                StpMode.EXPIRE_BOTH, "c1")))).isEqualTo(GOLDEN_PLACE);
        assertThat(hex(CommandCodec.encode(new Command.Cancel(7, 42)))).isEqualTo(GOLDEN_CANCEL);
        assertThat(hex(CommandCodec.encode(new Command.CancelAll(7, 1)))).isEqualTo(GOLDEN_CANCEL_ALL);
        assertThat(hex(CommandCodec.encode(new Command.ReserveWithdrawal(5, 7, 2, 1000))))
                .isEqualTo("0105000000000000000500000000000000070000000200000000000003e8");
        assertThat(hex(CommandCodec.encode(new Command.CompleteWithdrawal(5)))).isEqualTo("01060000000000000005");
        assertThat(hex(CommandCodec.encode(new Command.RefundWithdrawal(5)))).isEqualTo("01070000000000000005");
        assertThat(hex(CommandCodec.encode(new Command.FundSettlementPool(1, 9, "e1"))))
                .isEqualTo("0108000000010000000000000009" + "00026531");
        assertThat(hex(CommandCodec.encode(new Command.CreditSettlementPayout(7, 1, 9, "e1:r"))))
                .isEqualTo("01090000000000000007000000010000000000000009" + "0004" + "65313a72");
        assertThat(hex(CommandCodec.encode(new Command.PaySettlementOnChain(1, 9, "p"))))
                .isEqualTo("010a000000010000000000000009" + "000170");
    }

    @Test
    void pinnedBytesDecodeBack() {
        assertThat(CommandCodec.decode(HexFormat.of().parseHex(GOLDEN_PLACE))).isEqualTo(new Command.Place(7, 1,
                Side.ASK, OrderType.POST_ONLY, 51, 3, 0, StpMode.EXPIRE_BOTH, "c1"));
    }

    static final List<EngineEvent> EVENTS = List.of(
            new EngineEvent.Rejected(1, CommandType.PLACE, 7, 9, ResultCode.INSUFFICIENT_FUNDS),
            new EngineEvent.Deposited(2, 7, 1, 100),
            new EngineEvent.Withdrawn(3, 7, 1, 50),
            new EngineEvent.OrderAccepted(4, 1, 9, 7, Side.BID, OrderType.IOC, 51, 3, 0),
            new EngineEvent.Trade(5, 1, 11, 8, 6, 9, 7, Side.BID, 51, 2, 102, 0, 1, 2, 0, 1),
            new EngineEvent.OrderCancelled(6, 1, 8, 6, 4),
            new EngineEvent.OrderExpired(7, 1, 9, 7, 1, ExpireReason.SELF_TRADE_PREVENTION),
            new EngineEvent.OrderAmended(8, 1, 8, 6, 52, 3),
            new EngineEvent.BookDelta(9, 1, Side.ASK, 51, 0),
            new EngineEvent.BalanceChanged(10, 7, 2, 900, 100),
            new EngineEvent.Posted(11, 2, AccountKind.LOCKED, 7, AccountKind.FEES, 0, 3));

    @Test
    void eventsEncodeToPinnedBytesAndBack() {
        byte[] b = EventCodec.encode(ResultCode.OK, EVENTS);
        assertThat(hex(b)).isEqualTo(GOLDEN_EVENTS
                + "0b000000000000000b00000002020000000000000007" + "0a" + "0000000000000000" + "0000000000000003");
        EventCodec.Outcome o = EventCodec.decode(b);
        assertThat(o.result()).isEqualTo(ResultCode.OK);
        assertThat(o.events()).isEqualTo(EVENTS);
    }

    @Test
    void unknownEventVersionTypeOrCodeFailsLoudly() {
        byte[] b = EventCodec.encode(ResultCode.OK, EVENTS);
        byte[] v = b.clone();
        v[0] = 2;
        assertThatThrownBy(() -> EventCodec.decode(v)).hasMessageContaining("unknown event format version 2");
        byte[] t = b.clone();
        t[7] = 99;
        assertThatThrownBy(() -> EventCodec.decode(t)).hasMessageContaining("unknown event type 99");
        byte[] r = b.clone();
        r[2] = (byte) 200;
        assertThatThrownBy(() -> EventCodec.decode(r)).hasMessageContaining("unknown result code 200");
        byte[] side = CommandCodec.encode(new Command.Place(7, 1, Side.ASK, OrderType.GTC, 51, 3, 0,
                StpMode.NONE, null));
        side[14] = 9;
        assertThatThrownBy(() -> CommandCodec.decode(side)).hasMessageContaining("unknown side code 9");
    }

    static final String GOLDEN_DEPOSIT = "010100000000000000070000000200000000000f4240000a636861696e3a61623a31";
    static final String GOLDEN_PLACE = "010200000000000000070000000102050000000000000033000000000000000300000000000000000400026331";
    static final String GOLDEN_CANCEL = "01030000000000000007000000000000002a";
    static final String GOLDEN_CANCEL_ALL = "0104000000000000000700000001";
    static final String GOLDEN_EVENTS = "0100000000000b0100000000000000010300000000000000070000000000000009000d02000000000000000200000000"
            + "000000070000000100000000000000640300000000000000030000000000000007000000010000000000000032040000"
            + "000000000004000000010000000000000009000000000000000701020000000000000033000000000000000300000000"
            + "0000000005000000000000000500000001000000000000000b0000000000000008000000000000000600000000000000"
            + "090000000000000007010000000000000033000000000000000200000000000000660000000000000000000000000000"
            + "000100000002000000000000000000000000000000010600000000000000060000000100000000000000080000000000"
            + "000006000000000000000407000000000000000700000001000000000000000900000000000000070000000000000001"
            + "020800000000000000080000000100000000000000080000000000000006000000000000003400000000000000030900"
            + "000000000000090000000102000000000000003300000000000000000a000000000000000a0000000000000007000000"
            + "0200000000000003840000000000000064";
}
