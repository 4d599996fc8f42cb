package io.skyx.api.sequencer;

import io.skyx.engine.ExchangeEngine;
import io.skyx.engine.ResultCode;

/** Applies one command to the engine: the only place commands meet the engine, live and in replay alike. */
final class Apply {

    private Apply() {
    }

    /** For a place command the order id is the command's sequence number. */
    static ResultCode apply(ExchangeEngine engine, long seq, long ts, Command command) {
        return switch (command) {
            case Command.CreditDeposit d -> engine.creditDeposit(seq, ts, d.userId(), d.assetId(), d.amount());
            case Command.ReserveWithdrawal w -> engine.reserveWithdrawal(seq, ts, w.withdrawalId(), w.userId(),
                    w.assetId(), w.amount());
            case Command.CompleteWithdrawal w -> engine.completeWithdrawal(seq, ts, w.withdrawalId());
            case Command.RefundWithdrawal w -> engine.refundWithdrawal(seq, ts, w.withdrawalId());
            case Command.FundSettlementPool f -> engine.fundSettlementPool(seq, ts, f.assetId(), f.amount());
            case Command.CreditSettlementPayout c -> engine.creditSettlementPayout(seq, ts, c.userId(), c.assetId(),
                    c.amount());
            case Command.PaySettlementOnChain c -> engine.paySettlementOnChain(seq, ts, c.assetId(), c.amount());
            case Command.Place p -> engine.placeOrder(seq, ts, p.userId(), p.marketId(), seq, 0L, p.side(),
                    p.type(), p.price(), p.size(), p.quoteBudget(), p.stp());
            case Command.Cancel x -> engine.cancelOrder(seq, ts, x.userId(), x.orderId());
            case Command.CancelAll x -> engine.cancelAll(seq, ts, x.userId(), x.marketId());
        };
    }
}
