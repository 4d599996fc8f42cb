package io.skyx.custody.btc;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skyx.custody.Amounts;
import io.skyx.custody.AssetCustody;
import io.skyx.custody.CustodyLoop;
import io.skyx.custody.CustodyException;
import io.skyx.custody.cold.ColdDesk;
import io.skyx.custody.cold.ColdSide;
import io.skyx.custody.cold.ColdTransferStore;
import io.skyx.custody.cold.Sweeper;
import io.skyx.custody.deposit.Deposit;
import io.skyx.custody.deposit.DepositCrediter;
import io.skyx.custody.deposit.DepositStore;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.platform.Ledger;
import io.skyx.custody.platform.LedgerRecords;
import io.skyx.custody.reconcile.ChainView;
import io.skyx.custody.reconcile.Reconciler;
import io.skyx.custody.platform.WithdrawalSettings;
import io.skyx.custody.withdrawal.HotWallet;
import io.skyx.custody.withdrawal.Withdrawal;
import io.skyx.custody.withdrawal.WithdrawalPipeline;
import io.skyx.custody.withdrawal.WithdrawalStore;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.bitcoinj.base.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BTC custody: deposit addresses, the deposit watcher and the withdrawal pipeline, run by one thread every
 * {@link BtcConfig#poll()}.
 */
public final class BtcCustody implements AssetCustody, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BtcCustody.class);
    private static final CustodyAsset BTC = CustodyAsset.BTC;

    private final BtcConfig config;
    private final DepositStore deposits;
    private final WithdrawalStore withdrawals;
    private final WithdrawalSettings settings;
    private final BtcWallet wallet;
    private final WithdrawalPipeline pipeline;
    private final CustodyLoop loop;
    private final BtcReserveWallet reserves;
    private final BtcFeePolicy fees;
    private final Sweeper sweeper;
    private final ColdDesk desk;

    /** Custody on these stores with no fee estimator; {@code broadcaster} null means P2P broadcast. */
    public BtcCustody(BtcConfig config, DataSource db, Ledger ledger, WithdrawalSettings settings, MeterRegistry meters,
                      BtcWallet.Broadcaster broadcaster) {
        this(config, null, db, ledger, settings, meters, broadcaster, null);
    }

    /** Custody with no cold wallet; {@code estimator} null means the configured fee rate. */
    public BtcCustody(BtcConfig config, DataSource db, Ledger ledger, WithdrawalSettings settings, MeterRegistry meters,
                      BtcWallet.Broadcaster broadcaster, BtcFeePolicy.Estimator estimator) {
        this(config, null, db, ledger, settings, meters, broadcaster, estimator);
    }

    /** Custody with a cold wallet and the configured fee rate. */
    public BtcCustody(BtcConfig config, BtcColdConfig cold, DataSource db, Ledger ledger, WithdrawalSettings settings,
                      MeterRegistry meters, BtcWallet.Broadcaster broadcaster) {
        this(config, cold, db, ledger, settings, meters, broadcaster, null);
    }

    /**
     * Custody on these stores. {@code cold} null: no cold wallet, else the watch-only cold account, sweeps of the hot
     * wallet's excess to it and PSBT top-ups from it, all on the custody thread; {@code broadcaster} null means P2P
     * broadcast; {@code estimator} null means the configured fee rate. Call {@link #start()}.
     */
    public BtcCustody(BtcConfig config, BtcColdConfig cold, DataSource db, Ledger ledger, WithdrawalSettings settings,
                      MeterRegistry meters, BtcWallet.Broadcaster broadcaster, BtcFeePolicy.Estimator estimator) {
        this.config = config;
        this.deposits = new DepositStore(db);
        this.withdrawals = new WithdrawalStore(db);
        this.settings = settings;
        this.wallet = new BtcWallet(config.network(), config.mnemonic(), config.passphrase(), config.seedBirth(),
                config.peers(), broadcaster);
        this.fees = new BtcFeePolicy(config.feeRate(), config.minFeeRate(), config.maxFeeRate(), estimator,
                wallet::peersFeeFilter);
        if (estimator != null) {
            Gauge.builder("custody.btc.fee_estimate.fallback", fees,
                    f -> f.fallbackReason() == null ? 0 : 1)
                    .description("1 while the fee estimate is unusable and withdrawals are charged the configured rate")
                    .register(meters);
        }
        this.pipeline = new WithdrawalPipeline(BTC, withdrawals, ledger, new FeeFloor(wallet, fees),
                new WithdrawalPipeline.Policy(0, config.minimumWithdrawal(), config.confirmations()),
                meters);
        this.loop = new CustodyLoop(BTC, deposits, new DepositCrediter(BTC, deposits, ledger, config.confirmations(),
                meters), pipeline, wallet::observe);
        if (cold != null) {
            BtcColdWallet coldWallet = new BtcColdWallet(wallet, cold.accountKey(), config.seedBirth());
            ColdTransferStore transfers = new ColdTransferStore(db);
            this.sweeper = new Sweeper(BTC, transfers, wallet, coldWallet, new SweepPayer(wallet, cold.feeRate()),
                    cold.target(), config.confirmations(), meters);
            BtcTopUps topUps = new BtcTopUps(wallet, coldWallet, transfers, cold.target(), cold.feeRate(),
                    cold.maxFeeRate(), cold.fingerprintInt(), cold.path(config.network()));
            this.desk = new ColdDesk(BTC, sweeper, topUps, loop::run);
            loop.alsoEachRound(sweeper::step);
            this.reserves = new BtcReserveWallet(wallet, coldWallet, config.minFeeRate(), loop::run);
        } else {
            this.sweeper = null;
            this.desk = null;
            this.reserves = new BtcReserveWallet(wallet, null, config.minFeeRate(), loop::run);
        }
    }

    /** Syncs the wallet, gives it back the stored signed withdrawals, and starts the watcher and the pipeline. */
    public void start() {
        int last = deposits.addresses(BTC).values().stream().mapToInt(DepositStore.AddressEntry::index).max().orElse(0);
        wallet.start(last, config.syncTimeout());
        if (sweeper != null) {
            sweeper.recover();
        }
        loop.start(config.poll());
        LOG.info("BTC custody on {} at height {}, {} confirmations", config.network(), wallet.height(),
                config.confirmations());
        fees.quote();
    }

    /** One round now, on the caller's thread (tests). */
    void tick() {
        loop.tick();
    }

    @Override
    public CustodyAsset asset() {
        return BTC;
    }

    @Override
    public String network() {
        return config.network().name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String depositAddress(long userId) {
        return deposits.assign(BTC, userId, wallet::depositAddress).address();
    }

    @Override
    public List<Deposit> deposits(long userId, int limit) {
        return deposits.byUser(userId, BTC, limit);
    }

    @Override
    public List<Withdrawal> withdrawals(long userId, int limit) {
        return withdrawals.byUser(userId, BTC, limit);
    }

    /** Requests a withdrawal (see {@link AssetCustody#withdraw}); the pipeline sends it at once. */
    @Override
    public Withdrawal withdraw(long userId, String requestId, String destination, String amount, String maxFee) {
        AssetCustody.requireRequestId(requestId);
        Address to = BtcDestinations.parse(destination, config.network());
        long units = Amounts.parse(amount, BTC, "amount");
        Long max = AssetCustody.maxFee(maxFee, BTC);
        AssetCustody.requireWhitelisted(settings.of(userId, BTC), to.toString());
        Withdrawal w = pipeline.request(userId, requestId, to.toString(), units, fees.quote().fee(), max);
        loop.nudge();
        return w;
    }

    @Override
    public void validate(String destination, String amount) {
        BtcDestinations.parse(destination, config.network());
        Amounts.parse(amount, BTC, "amount");
    }

    @Override
    public Reconciler reconciler(LedgerRecords ledger, Supplier<Set<String>> platformSpends, int graceBlocks) {
        ChainView view = ChainView.of(wallet::observe, wallet::confirmations, wallet::spends, reserves::holdings);
        return new Reconciler(BTC, ledger, view, deposits, withdrawals, platformSpends, config.confirmations(), graceBlocks);
    }

    @Override
    public void onCustodyThread(Runnable task) {
        loop.run(task);
    }

    @Override
    public WithdrawalPipeline.Policy policy() {
        return pipeline.policy();
    }

    /** The fee policy's current quote ({@link BtcFeePolicy}). */
    @Override
    public FeeQuote withdrawalFee() {
        return fees.quote();
    }

    /** The operator's alarms (deep reorgs, refused credits). */
    public List<String> alarms() {
        return deposits.alarms(BTC);
    }

    /** Proof of reserves: the hot wallet's holdings and signatures, and the OP_RETURN anchor. */
    public BtcReserveWallet reserves() {
        return reserves;
    }

    /** The hot/cold desk (sweeps, PSBT top-ups, the operator view), if a cold wallet is configured. */
    @Override
    public java.util.Optional<ColdDesk> coldDesk() {
        return java.util.Optional.ofNullable(desk);
    }

    /** The wallet (for operator views and tests). */
    public BtcWallet wallet() {
        return wallet;
    }

    @Override
    public void close() {
        loop.close();
        wallet.close();
    }

    /**
     * Refuses to sign a withdrawal whose charged fee would pay less than the minimum rate (a transaction with more
     * inputs than quoted): the withdrawal waits, visibly, with the reason; the signed transaction is dropped.
     */
    private record FeeFloor(BtcWallet wallet, BtcFeePolicy fees) implements HotWallet {
        @Override
        public Build buildAndSign(String destination, long amount, long fee) {
            Build b = wallet.buildAndSign(destination, amount, fee);
            if (b instanceof Signed s) {
                int vsize = org.bitcoinj.core.Transaction.read(java.nio.ByteBuffer.wrap(s.raw())).getVsize();
                if (!fees.coversMinimum(fee, vsize)) {
                    return new Short(wallet.spendable(), Math.addExact(amount, fee), "the charged fee " + fee
                            + " sat pays less than " + fees.minFeeRate() + " sat/vB for " + vsize
                            + " vB; consolidate the hot wallet");
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

    /**
     * Signs a sweep paying {@code excess - fee} to the cold address, the fee being {@code feeRate} × the signed
     * transaction's vsize, so the hot wallet loses exactly the excess and ends at its target.
     */
    private record SweepPayer(BtcWallet wallet, long feeRate) implements ColdSide.Payer {
        @Override
        public ColdSide.Paid pay(String destination, long excess) {
            long fee = feeRate * BtcTopUps.vsize(1, 2);
            for (int attempt = 0; attempt < 5; attempt++) {
                if (excess - fee < BtcWallet.DUST) {
                    throw new CustodyException("SWEEP_TOO_SMALL", "the excess " + excess + " sat does not cover the fee "
                            + fee + " sat and a spendable output", null);
                }
                HotWallet.Build b = wallet.buildAndSign(destination, excess - fee, fee);
                if (!(b instanceof HotWallet.Signed s)) {
                    HotWallet.Short sh = (HotWallet.Short) b;
                    throw new CustodyException("HOT_WALLET_SHORT", "the hot wallet can spend " + sh.spendable()
                            + " sat now, the sweep needs " + sh.needed(), null);
                }
                long needed = feeRate * org.bitcoinj.core.Transaction.read(java.nio.ByteBuffer.wrap(s.raw())).getVsize();
                if (fee >= needed) {
                    return new ColdSide.Paid(s.txid(), s.raw(), excess - fee, fee);
                }
                fee = needed;
            }
            throw new IllegalStateException("the sweep's fee did not settle");
        }
    }
}
