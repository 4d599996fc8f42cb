package io.skyx.testfunds;

import io.skyx.api.ledger.Balances;
import io.skyx.api.ledger.LedgerQueries;
import io.skyx.api.market.Asset;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.security.SkyxUser;
import io.skyx.api.sequencer.Command;
import io.skyx.api.sequencer.CommandResult;
import io.skyx.api.sequencer.Projections;
import io.skyx.api.sequencer.Sequencer;
import io.skyx.api.web.Acks;
import io.skyx.api.web.ApiException;
import io.skyx.api.web.ErrorCode;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * TEST CLASSPATH ONLY (never in the product jar; ModuleBoundariesTest checks it): {@code POST
 * /api/v1/test-funds} credits the signed-in user 1000 SKY and 0.01 BTC through the in-process sequencer's
 * CreditDeposit, so that the integration tests that run without a chain can trade. The product's faucet pays only
 * on chain. Registered by {@link TestFundsAutoConfiguration}, hidden from the OpenAPI description.
 */
@Hidden
@RestController
public class TestFundsController {

    /** The path of the test-only credit. */
    public static final String PATH = "/api/v1/test-funds";

    private static final Map<String, Long> GRANT = Map.of("SKY", 1_000_000_000L, "BTC", 1_000_000L);

    private final Sequencer sequencer;
    private final LedgerQueries ledger;
    private final MarketCatalog catalog;
    private final Projections projections;

    TestFundsController(Sequencer sequencer, LedgerQueries ledger, MarketCatalog catalog, Projections projections) {
        this.sequencer = sequencer;
        this.ledger = ledger;
        this.catalog = catalog;
        this.projections = projections;
    }

    @PostMapping(PATH)
    Map<String, Balances.Balance> fund(@AuthenticationPrincipal SkyxUser user) {
        long userId = Acks.userId(user);
        String k = UUID.randomUUID().toString();
        Map<String, CompletableFuture<CommandResult>> acks = new LinkedHashMap<>();
        for (Asset a : catalog.assets()) {
            Long amount = GRANT.get(a.code());
            if (amount != null) {
                acks.put(a.code(), sequencer.submit(new Command.CreditDeposit(userId, a.id(), amount,
                        "test-funds:" + userId + ":" + k + ":" + a.code())));
            }
        }
        long last = 0;
        for (Map.Entry<String, CompletableFuture<CommandResult>> e : acks.entrySet()) {
            CommandResult r = Acks.await(e.getValue());
            if (!r.ok()) {
                throw new ApiException(ErrorCode.BAD_REQUEST, "test funds refused for " + e.getKey() + ": " + r.code());
            }
            last = Math.max(last, r.seq());
        }
        Acks.await(projections.reach(last));
        return ledger.balances(userId).json();
    }
}
