package io.skyx.api.custody;

import io.skyx.api.faucet.FaucetPayments;
import io.skyx.api.faucet.OnChainFaucet;
import io.skyx.custody.reserve.ReserveWallet;
import io.skyx.custody.sky.KeyPayer;
import io.skyx.custody.sky.SkyCustody;
import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.CipherException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local profile on the node's own private chain: test SKY come from the genesis wallet (outside the platform) as
 * real deposits. At start it funds the platform's hot address; the faucet pays 1000 SKY to the user's deposit
 * address, which the deposit watcher credits after its blocks; concurrent requests share one transaction. A
 * repeated idempotency key pays nothing more, also after a restart ({@link FaucetPayments}).
 */
final class LocalSkyFaucet implements OnChainFaucet {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSkyFaucet.class);
    private static final long GRANT = 1_000_000_000L;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KeyPayer genesis;
    private final SkyCustody custody;
    private final FaucetPayments payments;
    private final List<Pending> queue = new ArrayList<>();
    private final Object payLock = new Object();

    LocalSkyFaucet(KeyPayer genesis, SkyCustody custody, FaucetPayments payments) {
        this.genesis = genesis;
        this.custody = custody;
        this.payments = payments;
    }

    /** Pays {@code droplets} to the hot address unless it holds half of that already (or it is 0). */
    void fundHotWallet(long droplets) {
        if (droplets <= 0) {
            return;
        }
        String hot = custody.wallet().hotAddress().toString();
        long held = custody.wallet().holdings().addresses().stream().filter(h -> h.address().equals(hot))
                .mapToLong(ReserveWallet.Holding::balance).sum();
        if (held >= droplets / 2) {
            return;
        }
        String txid = genesis.pay(Map.of(custody.wallet().hotAddress(), droplets), WAIT);
        LOG.info("local private chain: the genesis wallet funds the SKY hot address {} with {} droplets ({})", hot,
                droplets, txid);
    }

    @Override
    public String asset() {
        return "SKY";
    }

    @Override
    public long grant() {
        return GRANT;
    }

    @Override
    public boolean pay(long userId, String idempotencyKey) {
        Address to;
        try {
            to = Address.parse(custody.depositAddress(userId));
        } catch (CipherException e) {
            throw new IllegalStateException(e);
        }
        if (idempotencyKey != null && !payments.claim(userId, idempotencyKey, asset(), to.toString(), GRANT)) {
            return false;
        }
        String txid;
        try {
            txid = batched(to);
        } catch (RuntimeException e) {
            if (idempotencyKey != null) {
                payments.release(userId, idempotencyKey, asset());
            }
            throw e;
        }
        if (idempotencyKey != null) {
            payments.paid(userId, idempotencyKey, asset(), txid);
        }
        return true;
    }

    /**
     * Pays {@link #GRANT} to {@code to} in one transaction with every payment queued meanwhile: the genesis key
     * spends only confirmed outputs, so one transaction per request would pay one request per block.
     */
    private String batched(Address to) {
        Pending mine = new Pending(to, new CompletableFuture<>());
        synchronized (queue) {
            queue.add(mine);
        }
        synchronized (payLock) {
            if (!mine.txid().isDone()) {
                List<Pending> batch;
                synchronized (queue) {
                    batch = new ArrayList<>(queue);
                    queue.clear();
                }
                Map<Address, Long> outputs = new LinkedHashMap<>();
                batch.forEach(p -> outputs.merge(p.to(), GRANT, Long::sum));
                try {
                    String txid = genesis.pay(outputs, WAIT);
                    batch.forEach(p -> p.txid().complete(txid));
                } catch (RuntimeException e) {
                    batch.forEach(p -> p.txid().completeExceptionally(e));
                }
            }
        }
        try {
            return mine.txid().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private record Pending(Address to, CompletableFuture<String> txid) {
    }
}
