package io.skyx.api.sequencer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.engine.OrderType;
import io.skyx.engine.Side;
import io.skyx.engine.StpMode;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class CommandCodecTest {

    @Provide
    Arbitrary<Command> commands() {
        Arbitrary<Long> users = Arbitraries.longs().between(1, Long.MAX_VALUE);
        Arbitrary<String> keys = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(100);
        Arbitrary<Command> deposit = Combinators.combine(users, Arbitraries.integers().between(0, 65535),
                Arbitraries.longs().between(1, Long.MAX_VALUE), keys).as(Command.CreditDeposit::new);
        Arbitrary<Command> place = Combinators.combine(users, Arbitraries.integers().between(0, 65535),
                Arbitraries.of(Side.class), Arbitraries.of(OrderType.class),
                Arbitraries.longs().between(0, Long.MAX_VALUE), Arbitraries.longs().between(0, Long.MAX_VALUE),
                Arbitraries.of(StpMode.class), keys.injectNull(0.3))
                .as((u, m, s, t, p, z, stp, k) -> new Command.Place(u, m, s, t, p, z, p ^ z & Long.MAX_VALUE, stp, k));
        Arbitrary<Command> cancel = Combinators.combine(users, users).as(Command.Cancel::new);
        Arbitrary<Command> cancelAll = Combinators.combine(users, Arbitraries.integers().between(0, 65535))
                .as(Command.CancelAll::new);
        Arbitrary<Integer> assets = Arbitraries.integers().between(0, 65535);
        Arbitrary<Long> amounts = Arbitraries.longs().between(1, Long.MAX_VALUE);
        Arbitrary<Command> reserve = Combinators.combine(users, users, assets, amounts)
                .as(Command.ReserveWithdrawal::new);
        Arbitrary<Command> complete = users.map(Command.CompleteWithdrawal::new);
        Arbitrary<Command> refund = users.map(Command.RefundWithdrawal::new);
        Arbitrary<Command> fund = Combinators.combine(assets, amounts, keys).as(Command.FundSettlementPool::new);
        Arbitrary<Command> payout = Combinators.combine(users, assets, amounts, keys)
                .as(Command.CreditSettlementPayout::new);
        Arbitrary<Command> onChain = Combinators.combine(assets, amounts, keys).as(Command.PaySettlementOnChain::new);
        return Arbitraries.oneOf(deposit, place, cancel, cancelAll, reserve, complete, refund, fund, payout, onChain);
    }

    @Property
    void decodeOfEncodeIsTheIdentityAndSizeIsExact(@ForAll("commands") Command c) {
        byte[] bytes = CommandCodec.encode(c);
        assertThat(bytes).hasSize(CommandCodec.size(c));
        assertThat(CommandCodec.decode(bytes)).isEqualTo(c);
    }

    @Property
    void aTruncatedOrExtendedPayloadIsRefusedCleanly(@ForAll("commands") Command c,
                                                     @ForAll @IntRange(min = 1, max = 8) int cut) {
        byte[] bytes = CommandCodec.encode(c);
        byte[] shorter = Arrays.copyOf(bytes, Math.max(0, bytes.length - cut));
        assertThatThrownBy(() -> CommandCodec.decode(shorter)).isInstanceOf(IllegalArgumentException.class);
        byte[] longer = Arrays.copyOf(bytes, bytes.length + cut);
        assertThatThrownBy(() -> CommandCodec.decode(longer)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void anUnknownKindIsRefused(@ForAll @IntRange(min = 11, max = 127) int kind) {
        assertThatThrownBy(() -> CommandCodec.decode(new byte[] {CommandCodec.VERSION, (byte) kind, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown command kind");
    }

    @Property
    void anUnknownVersionIsRefused(@ForAll("commands") Command c, @ForAll @IntRange(min = 2, max = 255) int v) {
        byte[] bytes = CommandCodec.encode(c);
        bytes[0] = (byte) v;
        assertThatThrownBy(() -> CommandCodec.decode(bytes))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown command format version");
    }
}
