package io.skyx.api.custody;

import io.skyx.api.faucet.OnChainFaucet;
import io.skyx.custody.reserve.ReserveWallet;
import io.skyx.custody.sky.KeyPayer;
import io.skyx.custody.sky.SkyCustody;
import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.CipherException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local profile on the node's own private chain: test SKY come from the genesis wallet (outside the platform) as
 * real deposits. At start it funds the platform's hot address; the faucet pays 1000 SKY to the user's deposit
 * address, which the deposit watcher credits after its blocks. A repeated idempotency key pays nothing more.
 */
final class LocalSkyFaucet implements OnChainFaucet {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSkyFaucet.class);
    private static final long GRANT = 1_000_000_000L;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KeyPayer genesis;
    private final SkyCustody custody;
    private final Map<String, String> paid = new ConcurrentHashMap<>();

    LocalSkyFaucet(KeyPayer genesis, SkyCustody custody) {
        this.genesis = genesis;
        this.custody = custody;
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
    public synchronized boolean pay(long userId, String idempotencyKey) {
        String key = idempotencyKey == null ? null : userId + ":" + idempotencyKey;
        if (key != null && paid.containsKey(key)) {
            return false;
        }
        Address to;
        try {
            to = Address.parse(custody.depositAddress(userId));
        } catch (CipherException e) {
            throw new IllegalStateException(e);
        }
        String txid = genesis.pay(Map.of(to, GRANT), WAIT);
        if (key != null) {
            paid.put(key, txid);
        }
        return true;
    }
}
