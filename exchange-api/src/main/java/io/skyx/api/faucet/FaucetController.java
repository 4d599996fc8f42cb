package io.skyx.api.faucet;

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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local profile only: test funds (1000 SKY and 0.01 BTC) for the signed-in user. An asset with an
 * {@link OnChainFaucet} (BTC on the regtest node) is paid on chain to the user's deposit address and credited by
 * the deposit watcher after its confirmations; the others (SKY, until SKY custody exists) through the ordinary
 * deposit-credit command. An {@code Idempotency-Key} header makes a request safe to repeat.
 */
@RestController
@Tag(name = "faucet (local profile)")
@Profile("local")
@ConditionalOnProperty(name = "skyx.faucet.enabled", havingValue = "true")
class FaucetController {

    private static final long ON_CHAIN_WAIT_MS = 30_000;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Map<String, Long> GRANT = Map.of("SKY", 1_000_000_000L, "BTC", 1_000_000L);

    private final Sequencer sequencer;
    private final LedgerQueries ledger;
    private final MarketCatalog catalog;
    private final Projections projections;
    private final ObjectProvider<OnChainFaucet> onChain;

    FaucetController(Sequencer sequencer, LedgerQueries ledger, MarketCatalog catalog, Projections projections,
                     ObjectProvider<OnChainFaucet> onChain) {
        this.onChain = onChain;
        this.projections = projections;
        this.sequencer = sequencer;
        this.ledger = ledger;
        this.catalog = catalog;
    }

    @PostMapping("/api/v1/faucet")
    @Operation(summary = "Test funds (local profile): 1000 SKY credited, 0.01 BTC paid on regtest to the deposit "
            + "address when the regtest node runs (credited after its confirmations, else credited); returns the balances")
    Map<String, Balances.Balance> faucet(@AuthenticationPrincipal SkyxUser user,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        long userId = Acks.userId(user);
        if (key != null && !KEY.matcher(key).matches()) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "'Idempotency-Key' must be 1-64 of A-Z a-z 0-9 _ -",
                    "Idempotency-Key");
        }
        String k = key != null ? key : UUID.randomUUID().toString();
        Map<String, CompletableFuture<CommandResult>> acks = new LinkedHashMap<>();
        Map<String, OnChainFaucet> paidOnChain = new LinkedHashMap<>();
        onChain.orderedStream().forEach(f -> paidOnChain.put(f.asset(), f));
        Map<String, Long> expected = new LinkedHashMap<>();
        Balances before = null;
        if (!paidOnChain.isEmpty()) {
            Acks.await(projections.caughtUp());
            before = ledger.balances(userId);
        }
        for (Asset a : catalog.assets()) {
            Long amount = GRANT.get(a.code());
            OnChainFaucet chain = paidOnChain.get(a.code());
            if (chain != null) {
                // paid on chain to the user's deposit address: credited by the deposit watcher, as real deposits are
                if (chain.pay(userId, key)) {
                    expected.put(a.code(), before.available(a.code()) + GRANT.getOrDefault(a.code(), 0L));
                }
            } else if (amount != null) {
                acks.put(a.code(), sequencer.submit(new Command.CreditDeposit(userId, a.id(), amount,
                        "faucet:" + userId + ":" + k + ":" + a.code())));
            }
        }
        long last = 0;
        for (Map.Entry<String, CompletableFuture<CommandResult>> e : acks.entrySet()) {
            CommandResult r = Acks.await(e.getValue());
            if (!r.ok()) {
                throw new ApiException(ErrorCode.BAD_REQUEST, "faucet refused for " + e.getKey() + ": " + r.code());
            }
            last = Math.max(last, r.seq());
        }
        Acks.await(projections.reach(last));
        awaitOnChainCredits(userId, expected);
        return ledger.balances(userId).json();
    }

    /**
     * Waits (at most {@link #ON_CHAIN_WAIT_MS}) until the deposit watcher has credited what was paid on chain, so
     * that the answer shows the funds as a direct credit would; past that the funds still arrive, later.
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
