package io.skyx.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionOutput;
import io.skyx.node.coin.TransactionRules;
import io.skyx.node.coin.TxnResult;
import io.skyx.node.coin.UxHead;
import io.skyx.node.coin.UxOut;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainnetDistributionTest {
    @Test
    void block1PaysTheDistributionAddressesInOrder() {
        Transaction t = MainnetBlocks.load().get(1).block().block().body().transactions().get(0);
        assertThat(t.outputs()).hasSize(100);
        assertThat(t.outputs().stream().map(TransactionOutput::address).toList())
                .isEqualTo(MainnetDistribution.ADDRESSES);
        assertThat(t.outputs()).allSatisfy(o -> assertThat(o.coins()).isEqualTo(1_000_000_000_000L));
    }

    @Test
    void spendingFromALockedAddressIsASoftError() {
        Transaction t = MainnetBlocks.load().get(1).block().block().body().transactions().get(0);
        UxHead head = new UxHead(1427926392L, 1);
        List<UxOut> created = t.createdOutputs(head);
        UxOut unlocked = created.get(24);
        UxOut locked = created.get(25);
        var soft = MainnetDistribution.SOFT_PARAMS;
        assertThat(soft.lockedAddresses()).hasSize(75).doesNotContain(unlocked.body().address())
                .contains(locked.body().address());
        // structure is irrelevant to the soft rules: an unsigned spend of each output, leaving a fee
        for (UxOut in : List.of(unlocked, locked)) {
            Transaction spend = Transaction.unsigned(List.of(in.id()),
                    List.of(new TransactionOutput(in.body().address(), in.body().coins(), 0)));
            TxnResult r = TransactionRules.verifySoft(spend, head.time() + 3600, List.of(in), soft);
            assertThat(r).isEqualTo(in == locked ? TxnResult.LOCKED_INPUT : TxnResult.OK);
        }
    }
}
