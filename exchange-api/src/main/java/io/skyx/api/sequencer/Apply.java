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
            case Command.Deposit d -> engine.creditDeposit(seq, ts, d.userId(), d.assetId(), d.amount());
            case Command.Place p -> engine.placeOrder(seq, ts, p.userId(), p.marketId(), seq, 0L, p.side(),
                    p.type(), p.price(), p.size(), p.quoteBudget(), p.stp());
            case Command.Cancel x -> engine.cancelOrder(seq, ts, x.userId(), x.orderId());
            case Command.CancelAll x -> engine.cancelAll(seq, ts, x.userId(), x.marketId());
        };
    }
}
