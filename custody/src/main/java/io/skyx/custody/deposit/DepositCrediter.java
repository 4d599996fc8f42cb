package io.skyx.custody.deposit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.platform.Ledger;
import io.skyx.custody.platform.LedgerCommand;
import io.skyx.custody.platform.LedgerReply;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a watcher's view of deposit outputs into ledger credits: every output paying a deposit address (late,
 * partial or repeated payments alike) is credited once it is {@code confirmations} deep, by CreditDeposit keyed
 * {@code "<chain>:<txid>:<output>"}; until then nothing is credited, so a reorg above that depth changes nothing. A
 * credited output that later falls below the depth (a deeper reorg) raises an alarm, once.
 */
public final class DepositCrediter {

    private static final Logger LOG = LoggerFactory.getLogger(DepositCrediter.class);

    private final CustodyAsset asset;
    private final DepositStore store;
    private final Ledger ledger;
    private final int confirmations;
    private final Counter credited;
    private final Counter reorgAlarms;
    private final java.util.Set<String> refusedAlarmed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Metrics: {@code custody.deposits.credited}, {@code custody.deposits.reorg_alarms}. */
    public DepositCrediter(CustodyAsset asset, DepositStore store, Ledger ledger, int confirmations, MeterRegistry meters) {
        if (confirmations < 1) {
            throw new IllegalArgumentException("confirmations must be at least 1: " + confirmations);
        }
        this.asset = asset;
        this.store = store;
        this.ledger = ledger;
        this.confirmations = confirmations;
        this.credited = Counter.builder("custody.deposits.credited").tag("asset", asset.name()).register(meters);
        this.reorgAlarms = Counter.builder("custody.deposits.reorg_alarms").tag("asset", asset.name()).register(meters);
    }

    /** Confirmations required. */
    public int confirmations() {
        return confirmations;
    }

    /** Records the view, credits what is deep enough, and raises alarms for credited outputs that lost depth. */
    public void process(List<Observation> view, Map<String, DepositStore.AddressEntry> owners) {
        store.observe(asset, view, owners);
        for (Deposit d : store.ready(asset, confirmations)) {
            LedgerReply r = submit(new LedgerCommand.CreditDeposit(d.userId(), asset, d.amount(), d.key()));
            if (r.ok()) {
                store.credited(d, r.seq());
                credited.increment();
                LOG.info("credited {} {} to user {} ({}{})", d.amount(), asset, d.userId(), d.key(),
                        r.repeated() ? ", repeated" : "");
            } else {
                if (refusedAlarmed.add(d.key())) {
                    LOG.error("ledger refused the credit of {}: {}", d.key(), r.code());
                    store.alarm(asset, "CREDIT_REFUSED", d.key() + " " + r.code());
                }
            }
        }
        for (Deposit d : store.reorgedAfterCredit(asset, confirmations)) {
            reorgAlarms.increment();
            store.alarm(asset, "DEEP_REORG", d.key() + " was credited and is now " + d.confirmations() + " deep");
            store.reorgAlarmRaised(d);
            LOG.error("deep reorg: credited deposit {} is now {} deep", d.key(), d.confirmations());
        }
    }

    private LedgerReply submit(LedgerCommand c) {
        try {
            return ledger.submit(c).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted submitting " + c.key(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("ledger did not answer " + c.key() + ": " + e, e);
        }
    }
}
