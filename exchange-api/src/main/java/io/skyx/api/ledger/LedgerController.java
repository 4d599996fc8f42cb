package io.skyx.api.ledger;

import io.skyx.api.market.Asset;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.security.SkyxUser;
import io.skyx.api.sequencer.Projections;
import io.skyx.api.stream.SnapshotReads;
import io.skyx.api.web.Acks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's balances (fetchBalance) and ledger (fetchLedger). */
@RestController
@Tag(name = "account")
class LedgerController {

    private final LedgerQueries queries;
    private final MarketCatalog catalog;
    private final Projections projections;
    private final SnapshotReads snapshots;

    LedgerController(LedgerQueries queries, MarketCatalog catalog, Projections projections,
                     SnapshotReads snapshots) {
        this.projections = projections;
        this.queries = queries;
        this.catalog = catalog;
        this.snapshots = snapshots;
    }

    @GetMapping("/api/v1/balances")
    @Operation(summary = "fetchBalance: free, used (locked by open orders) and total per asset",
            description = "Header X-Skyx-Seq: the journal sequence number these balances are the state of (the "
                    + "streams' seq): subscribe to the balances channel with since=that seq to follow them.")
    ResponseEntity<Map<String, Balances.Balance>> balances(@AuthenticationPrincipal SkyxUser user) {
        long userId = Acks.userId(user);
        Acks.await(projections.caughtUp());
        SnapshotReads.AtSeq<Balances> r = snapshots.read("ledger", () -> queries.balances(userId));
        return ResponseEntity.ok().header(SnapshotReads.SEQ_HEADER, Long.toString(r.seq())).body(r.value().json());
    }

    @GetMapping("/api/v1/ledger")
    @Operation(summary = "fetchLedger: changes of the user's total balance, newest first")
    List<LedgerQueries.LedgerItem> ledger(@AuthenticationPrincipal SkyxUser user,
                                          @RequestParam(required = false) String asset,
                                          @RequestParam(required = false) Integer limit) {
        long userId = Acks.userId(user);
        Asset a = asset == null ? null : catalog.asset(asset, "asset");
        int n = Acks.limit(limit, 100, 1000);
        Acks.await(projections.caughtUp());
        return queries.ledger(userId, a, n);
    }
}
