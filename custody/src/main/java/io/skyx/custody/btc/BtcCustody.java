package io.skyx.custody.btc;

import io.micrometer.core.instrument.MeterRegistry;
import io.skyx.custody.Amounts;
import io.skyx.custody.CustodyException;
import io.skyx.custody.deposit.Deposit;
import io.skyx.custody.deposit.DepositCrediter;
import io.skyx.custody.deposit.DepositStore;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.platform.Ledger;
import io.skyx.custody.platform.WithdrawalSettings;
import io.skyx.custody.withdrawal.HotWallet;
import io.skyx.custody.withdrawal.Withdrawal;
import io.skyx.custody.withdrawal.WithdrawalPipeline;
import io.skyx.custody.withdrawal.WithdrawalStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.bitcoinj.base.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BTC custody: deposit addresses, the deposit watcher and the withdrawal pipeline, run by one thread every
 * {@link BtcConfig#poll()}.
 */
public final class BtcCustody implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BtcCustody.class);
    private static final CustodyAsset BTC = CustodyAsset.BTC;

    private final BtcConfig config;
    private final DepositStore deposits;
    private final WithdrawalStore withdrawals;
    private final WithdrawalSettings settings;
    private final BtcWallet wallet;
    private final DepositCrediter crediter;
    private final WithdrawalPipeline pipeline;
    private final BtcReserveWallet reserves;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "custody-btc");
        t.setDaemon(true);
        return t;
    });

    /** Custody on these stores; {@code broadcaster} null means P2P broadcast. Call {@link #start()}. */
    public BtcCustody(BtcConfig config, DataSource db, Ledger ledger, WithdrawalSettings settings, MeterRegistry meters,
                      BtcWallet.Broadcaster broadcaster) {
        this.config = config;
        this.deposits = new DepositStore(db);
        this.withdrawals = new WithdrawalStore(db);
        this.settings = settings;
        this.wallet = new BtcWallet(config.network(), config.mnemonic(), config.passphrase(), config.seedBirth(),
                config.peers(), broadcaster);
        this.crediter = new DepositCrediter(BTC, deposits, ledger, config.confirmations(), meters);
        this.pipeline = new WithdrawalPipeline(BTC, withdrawals, ledger, new FeeFloor(wallet, config.minFeeRate()),
                new WithdrawalPipeline.Policy(config.withdrawalFee(), config.minimumWithdrawal(), config.confirmations()),
                meters);
        this.reserves = new BtcReserveWallet(wallet, config.minFeeRate(), thread);
    }

    /** Syncs the wallet, gives it back the stored signed withdrawals, and starts the watcher and the pipeline. */
    public void start() {
        int last = deposits.addresses(BTC).values().stream().mapToInt(DepositStore.AddressEntry::index).max().orElse(0);
        wallet.start(last, config.syncTimeout());
        pipeline.recover();
        long ms = config.poll().toMillis();
        thread.scheduleWithFixedDelay(this::tickQuietly, 0, ms, TimeUnit.MILLISECONDS);
        LOG.info("BTC custody on {} at height {}, {} confirmations", config.network(), wallet.height(),
                config.confirmations());
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("BTC custody step failed, retrying: {}", e.toString());
        }
    }

    /** One round: record and credit deposits, then advance the withdrawals. */
    synchronized void tick() {
        Map<String, DepositStore.AddressEntry> owners = deposits.addresses(BTC);
        crediter.process(wallet.observe(owners.keySet()), owners);
        pipeline.step();
    }

    /** The user's deposit address (assigned on first call, the same ever after). */
    public String depositAddress(long userId) {
        return deposits.assign(BTC, userId, wallet::depositAddress).address();
    }

    /** The user's deposits, newest first, with confirmations and whether they are credited. */
    public List<Deposit> deposits(long userId, int limit) {
        return deposits.byUser(userId, BTC, limit);
    }

    /** The user's withdrawals, newest first. */
    public List<Withdrawal> withdrawals(long userId, int limit) {
        return withdrawals.byUser(userId, BTC, limit);
    }

    /**
     * Requests a withdrawal; the pipeline sends it at once. A repeated (user, requestId) returns the stored one.
     *
     * @throws CustodyException on a bad destination or amount, a non-whitelisted destination, or a short balance;
     *                          nothing changed then
     */
    public Withdrawal withdraw(long userId, String requestId, String destination, String amount) {
        if (requestId == null || requestId.isBlank() || requestId.length() > 64) {
            throw new CustodyException("INVALID_REQUEST_ID", "requestId: 1 to 64 characters", "requestId");
        }
        Address to = BtcDestinations.parse(destination, config.network());
        long units = Amounts.parse(amount, BTC, "amount");
        WithdrawalSettings.Settings s = settings.of(userId, BTC);
        if (s.whitelistOn() && !s.whitelist().contains(to.toString())) {
            throw new CustodyException("NOT_WHITELISTED", "the whitelist is on and this address is not on it", "address");
        }
        Withdrawal w = pipeline.request(userId, requestId, to.toString(), units);
        thread.execute(this::tickQuietly);
        return w;
    }

    /** The withdrawal policy (fee, minimum, confirmations). */
    public WithdrawalPipeline.Policy policy() {
        return pipeline.policy();
    }

    /** The operator's alarms (deep reorgs, refused credits). */
    public List<String> alarms() {
        return deposits.alarms(BTC);
    }

    /** Proof of reserves: the hot wallet's holdings and signatures, and the OP_RETURN anchor. */
    public BtcReserveWallet reserves() {
        return reserves;
    }

    /** The wallet (for operator views and tests). */
    public BtcWallet wallet() {
        return wallet;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        wallet.close();
    }

    /** Refuses to sign a withdrawal whose flat fee would pay less than the configured rate. */
    private record FeeFloor(BtcWallet wallet, long minFeeRate) implements HotWallet {
        @Override
        public Build buildAndSign(String destination, long amount, long fee) {
            Build b = wallet.buildAndSign(destination, amount, fee);
            if (b instanceof Signed s) {
                int vsize = org.bitcoinj.core.Transaction.read(java.nio.ByteBuffer.wrap(s.raw())).getVsize();
                if (fee < minFeeRate * vsize) {
                    throw new IllegalStateException("the flat fee " + fee + " sat pays less than " + minFeeRate
                            + " sat/vB for " + vsize + " vB; consolidate the hot wallet");
                }
            }
            return b;
        }

        @Override
        public void adopt(byte[] raw) {
            wallet.adopt(raw);
        }

        @Override
        public void broadcast(byte[] raw) throws BroadcastException {
            wallet.broadcast(raw);
        }

        @Override
        public int confirmations(String txid) {
            return wallet.confirmations(txid);
        }

        @Override
        public long spendable() {
            return wallet.spendable();
        }
    }
}
