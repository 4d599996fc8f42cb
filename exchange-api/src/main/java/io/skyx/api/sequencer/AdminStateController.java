package io.skyx.api.sequencer;

import io.skyx.api.market.Asset;
import io.skyx.api.market.MarketCatalog;
import io.skyx.engine.AccountKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators: the engine's sequence number and state hash, and the system accounts. */
@RestController
@Tag(name = "admin")
class AdminStateController {

    /**
     * One asset's system accounts in smallest units, signed, as of {@code sequence}: {@code reserve} is the
     * counterpart of on-chain money (≤ 0; minus it is what users are owed plus fees and pool).
     */
    record SystemAccounts(String asset, long sequence, long reserve, long fees, long settlementPool,
                          String reserveAmount, String feesAmount, String settlementPoolAmount) {
    }

    private final Sequencer sequencer;
    private final MarketCatalog catalog;

    AdminStateController(Sequencer sequencer, MarketCatalog catalog) {
        this.sequencer = sequencer;
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/admin/state")
    @Operation(summary = "Sequence number and SHA-256 state hash of the engine",
            description = "Role ADMIN, or any session in the local profile.")
    CompletableFuture<Sequencer.StateView> state() {
        return sequencer.state();
    }

    @GetMapping("/api/v1/admin/accounts")
    @Operation(summary = "System accounts per asset (reserve, fees, settlement pool), from the engine",
            description = "Role ADMIN, or any session in the local profile. Per asset all accounts sum to zero.")
    CompletableFuture<List<SystemAccounts>> accounts() {
        List<Asset> assets = catalog.assets();
        return sequencer.query(e -> {
            List<SystemAccounts> out = new ArrayList<>();
            for (Asset a : assets) {
                long r = e.systemBalance(AccountKind.RESERVE, a.id());
                long f = e.systemBalance(AccountKind.FEES, a.id());
                long p = e.systemBalance(AccountKind.SETTLEMENT_POOL, a.id());
                out.add(new SystemAccounts(a.code(), e.lastSequence(), r, f, p, a.format(r), a.format(f),
                        a.format(p)));
            }
            return out;
        });
    }
}
