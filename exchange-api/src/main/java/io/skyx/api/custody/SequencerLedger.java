package io.skyx.api.custody;

import io.skyx.api.market.MarketCatalog;
import io.skyx.api.sequencer.Command;
import io.skyx.api.sequencer.Sequencer;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.platform.Ledger;
import io.skyx.custody.platform.LedgerCommand;
import io.skyx.custody.platform.LedgerReply;
import java.util.concurrent.CompletableFuture;

/** custody's {@link Ledger} on the sequencer: each custody command becomes the contract's command. */
final class SequencerLedger implements Ledger {

    private final Sequencer sequencer;
    private final MarketCatalog catalog;

    SequencerLedger(Sequencer sequencer, MarketCatalog catalog) {
        this.sequencer = sequencer;
        this.catalog = catalog;
    }

    @Override
    public CompletableFuture<LedgerReply> submit(LedgerCommand command) {
        Command c = switch (command) {
            case LedgerCommand.CreditDeposit d -> new Command.CreditDeposit(d.userId(), assetId(d.asset()), d.amount(),
                    d.key());
            case LedgerCommand.ReserveWithdrawal r -> new Command.ReserveWithdrawal(r.withdrawalId(), r.userId(),
                    assetId(r.asset()), r.amount());
            case LedgerCommand.CompleteWithdrawal w -> new Command.CompleteWithdrawal(w.withdrawalId());
            case LedgerCommand.RefundWithdrawal w -> new Command.RefundWithdrawal(w.withdrawalId());
        };
        return sequencer.submit(c).thenApply(r -> new LedgerReply(r.seq(), r.code().name(), r.repeated()));
    }

    private int assetId(CustodyAsset asset) {
        return catalog.asset(asset.name(), "asset").id();
    }
}
