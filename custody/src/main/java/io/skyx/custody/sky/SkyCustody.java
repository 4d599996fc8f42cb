package io.skyx.custody.sky;

import io.micrometer.core.instrument.MeterRegistry;
import io.skyx.custody.Amounts;
import io.skyx.custody.AssetCustody;
import io.skyx.custody.CustodyException;
import io.skyx.custody.CustodyLoop;
import io.skyx.custody.cold.ColdDesk;
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
import io.skyx.custody.withdrawal.Withdrawal;
import io.skyx.custody.withdrawal.WithdrawalPipeline;
import io.skyx.custody.withdrawal.WithdrawalStore;
import io.skyx.node.cipher.Address;
import io.skyx.node.service.SkycoinNode;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SKY custody through the embedded node: deposit addresses from the platform's key chain, the deposit watcher on
 * the node's address index, and the batched withdrawal pipeline, run by one thread every {@link SkyConfig#poll()}.
 */
public final class SkyCustody implements AssetCustody, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SkyCustody.class);
    private static final CustodyAsset SKY = CustodyAsset.SKY;

    private final SkyConfig config;
    private final DepositStore deposits;
    private final WithdrawalStore withdrawals;
    private final WithdrawalSettings settings;
    private final SkyKeys keys;
    private final SkyWallet wallet;
    private final WithdrawalPipeline pipeline;
    private final CustodyLoop loop;
    private final SkyAnchor anchor;
    private final Sweeper sweeper;
    private final ColdDesk desk;

    /** Custody on these stores; {@code injector} null means the node's inject. Call {@link #start()}. */
    public SkyCustody(SkyConfig config, DataSource db, Ledger ledger, WithdrawalSettings settings, MeterRegistry meters,
                      SkycoinNode node, SkyWallet.Injector injector) {
        this(config, null, db, ledger, settings, meters, node, injector);
    }

    /**
     * The same with cold addresses and a hot-wallet target ({@code cold} null: none); sweeps and top-ups run on the
     * custody thread.
     */
    public SkyCustody(SkyConfig config, SkyColdConfig cold, DataSource db, Ledger ledger, WithdrawalSettings settings,
                      MeterRegistry meters, SkycoinNode node, SkyWallet.Injector injector) {
        this.config = config;
        this.deposits = new DepositStore(db);
        this.withdrawals = new WithdrawalStore(db);
        this.settings = settings;
        this.keys = new SkyKeys(config.seed());
        this.wallet = new SkyWallet(node, keys, this::depositAddresses, injector, config.hoursSharePercent());
        this.pipeline = new WithdrawalPipeline(SKY, withdrawals, ledger, wallet, new WithdrawalPipeline.Policy(0,
                config.minimumWithdrawal(), config.confirmations(), config.batchInterval(), config.maxBatch()), meters);
        this.loop = new CustodyLoop(SKY, deposits, new DepositCrediter(SKY, deposits, ledger, config.confirmations(),
                meters), pipeline, wallet::observe);
        this.anchor = new SkyAnchor(wallet, loop::run);
        if (cold != null) {
            List<Address> coldAddresses = cold.addresses().stream().map(SkyDestinations::parse).toList();
            for (Address a : coldAddresses) {
                if (keys.keyOf(a).isPresent()) {
                    throw new IllegalArgumentException("cold SKY address " + a + " is one of the hot wallet's own");
                }
            }
            wallet.coldAddresses(coldAddresses);
            SkyColdWallet coldWallet = new SkyColdWallet(node, wallet, coldAddresses);
            ColdTransferStore transfers = new ColdTransferStore(db);
            this.sweeper = new Sweeper(SKY, transfers, wallet, coldWallet, coldWallet, cold.target(),
                    config.confirmations(), meters);
            this.desk = new ColdDesk(SKY, sweeper, new SkyTopUps(node, wallet, coldAddresses, transfers, cold.target()),
                    loop::run);
            loop.alsoEachRound(sweeper::step);
        } else {
            this.sweeper = null;
            this.desk = null;
        }
    }

    /** The hot/cold desk (sweeps, offline-signed top-ups, the operator view), if cold addresses are configured. */
    @Override
    public java.util.Optional<ColdDesk> coldDesk() {
        return java.util.Optional.ofNullable(desk);
    }

    private List<Address> depositAddresses() {
        return deposits.addresses(SKY).values().stream().sorted(Comparator.comparingInt(DepositStore.AddressEntry::index))
                .map(e -> keys.depositAddress(e.index())).toList();
    }

    /** Derives the assigned addresses' keys, gives the wallet back the stored signed batches, starts the thread. */
    public void start() {
        List<Address> assigned = depositAddresses();
        LOG.info("SKY custody: hot address {}, {} deposit addresses, {} confirmations, batches every {}",
                keys.hotAddress(), assigned.size(), config.confirmations(), config.batchInterval());
        if (sweeper != null) {
            sweeper.recover();
        }
        loop.start(config.poll());
    }

    /** One round now, on the caller's thread (tests). */
    void tick() {
        loop.tick();
    }

    @Override
    public CustodyAsset asset() {
        return SKY;
    }

    @Override
    public String network() {
        return "skycoin";
    }

    @Override
    public String depositAddress(long userId) {
        return deposits.assign(SKY, userId, i -> keys.depositAddress(i).toString()).address();
    }

    @Override
    public List<Deposit> deposits(long userId, int limit) {
        return deposits.byUser(userId, SKY, limit);
    }

    @Override
    public List<Withdrawal> withdrawals(long userId, int limit) {
        return withdrawals.byUser(userId, SKY, limit);
    }

    /**
     * Requests a withdrawal (see {@link AssetCustody#withdraw}); it goes out with the next batch. The amount must
     * be a multiple of 0.001 SKY; the network fee is paid in coin hours by the platform, so the user pays none.
     */
    @Override
    public Withdrawal withdraw(long userId, String requestId, String destination, String amount, String maxFee) {
        AssetCustody.requireRequestId(requestId);
        Address to = SkyDestinations.parse(destination);
        long droplets = droplets(amount);
        Long max = AssetCustody.maxFee(maxFee, SKY);
        AssetCustody.requireWhitelisted(settings.of(userId, SKY), to.toString());
        Withdrawal w = pipeline.request(userId, requestId, to.toString(), droplets, 0, max);
        loop.nudge();
        return w;
    }

    @Override
    public void validate(String destination, String amount) {
        SkyDestinations.parse(destination);
        droplets(amount);
    }

    private static long droplets(String amount) {
        long droplets = Amounts.parse(amount, SKY, "amount");
        if (droplets % SkyTransactions.DROPLET_STEP != 0) {
            throw new CustodyException("INVALID_AMOUNT", "SKY withdrawals are multiples of 0.001 SKY on chain: "
                    + amount, "amount");
        }
        return droplets;
    }

    @Override
    public Reconciler reconciler(LedgerRecords ledger, Supplier<Set<String>> platformSpends, int graceBlocks) {
        ChainView view = ChainView.of(wallet::observe, wallet::confirmations, wallet::spends, wallet::holdings);
        return new Reconciler(SKY, ledger, view, deposits, withdrawals, platformSpends, config.confirmations(), graceBlocks);
    }

    @Override
    public void onCustodyThread(Runnable task) {
        loop.run(task);
    }

    @Override
    public WithdrawalPipeline.Policy policy() {
        return pipeline.policy();
    }

    /** SKY charges no fee in droplets: the platform pays the network in coin hours. */
    @Override
    public FeeQuote withdrawalFee() {
        return new FeeQuote(0, 0, 0, 0, "coin hours (paid by the platform)");
    }

    /** The operator's alarms (refused credits). */
    public List<String> alarms() {
        return deposits.alarms(SKY);
    }

    /** The wallet (hot address, reserves, operator views, tests). */
    public SkyWallet wallet() {
        return wallet;
    }

    /** The proof-of-reserves anchor on the SKY chain, sent from the hot wallet on the custody thread. */
    public SkyAnchor anchor() {
        return anchor;
    }

    @Override
    public void close() {
        loop.close();
    }
}
