package io.skyx.api.reserves;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skyx.api.market.Asset;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.sequencer.Command;
import io.skyx.api.sequencer.CommandResult;
import io.skyx.api.sequencer.LedgerPositions;
import io.skyx.api.sequencer.Sequencer;
import io.skyx.custody.reserve.ChainAnchor;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The only way into the settlement pool ({@code FundSettlementPool}, RESERVE → SETTLEMENT_POOL; an ArchUnit rule
 * keeps it so): a funding goes to the sequencer only if the asset's proven surplus covers it, so the pool never
 * holds more than the coins on chain beyond what users are owed (docs/proof-of-reserves.md, "No liability without
 * proven surplus"). Surplus = hot + proven cold at the wallet's best block − (owed − withdrawals mined) − what the
 * pool already holds − the pool's payouts signed but not yet in a block. Owed, in flight and the pool are one
 * journal point, then the chain, then the wallet, so the figure can only err low.
 * <p>Refusals (nothing is submitted, nothing changes): {@link #POOL_UNBACKED} (the surplus is smaller than the
 * amount) and {@link #NO_RESERVES} (the asset's custody does not run: nothing is proven on chain, so nothing can
 * back a funding). Metrics: {@code skyx.settlement.funding.refused} (counter, by asset and code) and
 * {@code skyx.settlement.funding.unbacked} (the amount of the asset's last refused funding, 0 once one goes
 * through).
 */
@Component
public class PoolFunding {
    public static final String POOL_UNBACKED = "POOL_UNBACKED";
    public static final String NO_RESERVES = "NO_RESERVES";

    /**
     * What a funding request did: {@code result} when it went to the sequencer, else the refusal {@code code} with
     * the {@code amount} asked and the {@code surplus} proven (null for NO_RESERVES).
     */
    public record Decision(CommandResult result, String code, long amount, BigInteger surplus) {
        /** True when the funding was submitted (whatever the engine answered). */
        public boolean submitted() {
            return result != null;
        }
    }

    private final ProvenReserves reserves;
    private final ChainReserves chains;
    private final LedgerPositions ledger;
    private final Sequencer sequencer;
    private final MarketCatalog catalog;
    private final ObjectProvider<PoolOutflows> outflows;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> unbacked = new ConcurrentHashMap<>();

    PoolFunding(ProvenReserves reserves, ChainReserves chains, LedgerPositions ledger, Sequencer sequencer,
                MarketCatalog catalog, ObjectProvider<PoolOutflows> outflows, MeterRegistry meters) {
        this.reserves = reserves;
        this.chains = chains;
        this.ledger = ledger;
        this.sequencer = sequencer;
        this.catalog = catalog;
        this.outflows = outflows;
        this.meters = meters;
        for (Asset a : catalog.assets()) {
            AtomicLong last = new AtomicLong();
            unbacked.put(a.code(), last);
            Gauge.builder("skyx.settlement.funding.unbacked", last, AtomicLong::get).tag("asset", a.code())
                    .description("amount of the last settlement pool funding refused for want of proven surplus")
                    .register(meters);
        }
    }

    /**
     * Funds the pool of {@code assetId} with {@code amount} under idempotency {@code key} if the proven surplus
     * covers it. A key already in the journal is re-submitted unchecked: its funding is in the pool already, and
     * the sequencer answers it with the original result, moving nothing.
     */
    public synchronized Decision fund(int assetId, long amount, String key) {
        if (ledger.journaled(key)) {
            return new Decision(submit(new Command.FundSettlementPool(assetId, amount, key)), null, amount, null);
        }
        Asset asset = catalog.assets().stream().filter(a -> a.id() == assetId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no asset " + assetId));
        AtomicReference<Map<String, Long>> leaving = new AtomicReference<>(Map.of());
        Optional<ProvenReserves.Reading> read = reserves.read(asset, () -> leaving.set(notMined(asset.code())));
        if (read.isEmpty()) {
            return refuse(asset, NO_RESERVES, amount, null);
        }
        Coverage c = read.get().coverage();
        BigInteger outgoing = BigInteger.valueOf(leaving.get().values().stream().mapToLong(Long::longValue).sum());
        BigInteger surplus = c.reserves().subtract(c.covered()).subtract(BigInteger.valueOf(read.get().position()
                .pool())).subtract(outgoing);
        if (surplus.compareTo(BigInteger.valueOf(amount)) < 0) {
            return refuse(asset, POOL_UNBACKED, amount, surplus);
        }
        CommandResult r = submit(new Command.FundSettlementPool(assetId, amount, key));
        unbacked.get(asset.code()).set(0);
        return new Decision(r, null, amount, surplus);
    }

    /**
     * Puts back into the pool what {@code PaySettlementOnChain(key = batchId)} took out for a payout batch whose
     * transaction can never confirm ({@code key "undo:<batchId>"}); only the settlement's undo of a refused batch
     * calls it (an ArchUnit rule). Not checked against the surplus, on purpose: it creates no new claim, it
     * restores the pool to what it held before the batch, for coins that never left (the batch's transaction is
     * refused), and those payouts were backed when their epoch was funded. Refusing it would leave them neither
     * paid nor payable. They still leave only through a new batch the hot wallet must be able to sign, and if the
     * wallet lost coins meanwhile the solvency alarm and the reconciliation show it.
     */
    public CommandResult restoreUndone(int assetId, long amount, String batchId) {
        return submit(new Command.FundSettlementPool(assetId, amount, "undo:" + batchId));
    }

    private Map<String, Long> notMined(String asset) {
        PoolOutflows o = outflows.getIfAvailable();
        if (o == null) {
            return Map.of();
        }
        Map<String, Long> all = o.unconfirmed(asset);
        Optional<ChainAnchor> anchor = chains.anchor(asset);
        Map<String, Long> out = new HashMap<>();
        all.forEach((txid, value) -> {
            if (anchor.isEmpty() || anchor.get().confirmations(txid) < 1) {
                out.put(txid, value);
            }
        });
        return out;
    }

    private Decision refuse(Asset asset, String code, long amount, BigInteger surplus) {
        Counter.builder("skyx.settlement.funding.refused").tag("asset", asset.code()).tag("code", code)
                .description("settlement pool fundings refused for want of proven surplus").register(meters)
                .increment();
        unbacked.get(asset.code()).set(amount);
        return new Decision(null, code, amount, surplus);
    }

    private CommandResult submit(Command command) {
        try {
            return sequencer.submit(command).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while funding the settlement pool", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the sequencer refused the funding: " + e.getCause(), e.getCause());
        }
    }
}
