package io.skyx.api.faucet;

import io.skyx.api.ledger.Balances;
import io.skyx.api.ledger.LedgerQueries;
import io.skyx.api.market.Asset;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.security.SkyxUser;
import io.skyx.api.sequencer.Projections;
import io.skyx.api.web.Acks;
import io.skyx.api.web.ApiException;
import io.skyx.api.web.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local profile only: test funds (1000 SKY and 0.01 BTC) for the signed-in user, paid on chain to the user's
 * deposit address by the asset's {@link OnChainFaucet} (SKY from the private chain's genesis wallet, BTC from the
 * regtest node's wallet) and credited by the deposit watcher after its confirmations, exactly as a real deposit.
 * It never credits anything itself: an asset whose custody does not run is refused with 409
 * {@code FAUCET_UNAVAILABLE} before anything is paid. An {@code Idempotency-Key} header makes a request safe to
 * repeat, also across restarts ({@link FaucetPayments}).
 */
@RestController
@Tag(name = "faucet (local profile)")
@Profile("local")
@ConditionalOnProperty(name = "skyx.faucet.enabled", havingValue = "true")
class FaucetController {

    private static final long ON_CHAIN_WAIT_MS = 30_000;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final LedgerQueries ledger;
    private final MarketCatalog catalog;
    private final Projections projections;
    private final ObjectProvider<OnChainFaucet> onChain;

    FaucetController(LedgerQueries ledger, MarketCatalog catalog, Projections projections,
                     ObjectProvider<OnChainFaucet> onChain) {
        this.onChain = onChain;
        this.projections = projections;
        this.ledger = ledger;
        this.catalog = catalog;
    }

    @PostMapping("/api/v1/faucet")
    @Operation(summary = "Test funds (local profile): 1000 SKY and 0.01 BTC paid on chain to the user's deposit "
            + "addresses and credited after their confirmations (the answer waits up to 30 s for the credits); "
            + "'asset' limits it to one asset; an asset whose custody does not run: 409 FAUCET_UNAVAILABLE; "
            + "returns the balances")
    Map<String, Balances.Balance> faucet(@AuthenticationPrincipal SkyxUser user,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                         @RequestParam(name = "asset", required = false) String asset) {
        long userId = Acks.userId(user);
        if (key != null && !KEY.matcher(key).matches()) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "'Idempotency-Key' must be 1-64 of A-Z a-z 0-9 _ -",
                    "Idempotency-Key");
        }
        List<OnChainFaucet> payers = payers(asset);
        Acks.await(projections.caughtUp());
        Balances before = ledger.balances(userId);
        Map<String, Long> expected = new LinkedHashMap<>();
        for (OnChainFaucet f : payers) {
            // paid on chain to the user's deposit address: credited by the deposit watcher, as real deposits are
            if (f.pay(userId, key)) {
                expected.put(f.asset(), before.available(f.asset()) + f.grant());
            }
        }
        awaitOnChainCredits(userId, expected);
        return ledger.balances(userId).json();
    }

    /** The faucets of the requested asset (all the catalog's when null); refused unless each one pays on chain. */
    private List<OnChainFaucet> payers(String asset) {
        Map<String, OnChainFaucet> byAsset = new LinkedHashMap<>();
        onChain.orderedStream().forEach(f -> byAsset.put(f.asset(), f));
        List<String> wanted = new ArrayList<>();
        if (asset == null) {
            catalog.assets().stream().map(Asset::code).forEach(wanted::add);
        } else if (catalog.assets().stream().anyMatch(a -> a.code().equals(asset))) {
            wanted.add(asset);
        } else {
            throw new ApiException(ErrorCode.BAD_REQUEST, "unknown asset '" + asset + "'", "asset");
        }
        List<String> missing = wanted.stream().filter(a -> !byAsset.containsKey(a)).toList();
        if (!missing.isEmpty()) {
            throw new ApiException(ErrorCode.FAUCET_UNAVAILABLE, "the faucet pays only on chain, and the custody of "
                    + String.join(", ", missing) + " is not running here: nothing was paid",
                    asset == null ? null : "asset");
        }
        return wanted.stream().map(byAsset::get).toList();
    }

    /**
     * Waits (at most {@link #ON_CHAIN_WAIT_MS}) until the deposit watcher has credited what was paid on chain, so
     * that the answer shows the funds; past that the funds still arrive, later.
     */
    private void awaitOnChainCredits(long userId, Map<String, Long> expected) {
        long deadline = System.nanoTime() + ON_CHAIN_WAIT_MS * 1_000_000L;
        while (!expected.isEmpty() && System.nanoTime() < deadline) {
            Acks.await(projections.caughtUp());
            Balances now = ledger.balances(userId);
            expected.entrySet().removeIf(e -> now.available(e.getKey()) >= e.getValue());
            if (!expected.isEmpty()) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
