package io.skyx.api.sequencer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skyx.api.market.MarketCatalog;
import io.skyx.engine.AccountKind;
import io.skyx.engine.EngineConfig;
import io.skyx.engine.Engines;
import io.skyx.engine.ExchangeEngine;
import io.skyx.engine.L2Book;
import io.skyx.engine.MarketSpec;
import io.skyx.engine.ResultCode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one sequencer (DESIGN.md §4): one thread owns the engine, stamps each command with the next sequence number
 * and the time and applies it; the {@link Committer} appends batches to the {@link Journal} on a second thread
 * (pipelined group commit: while batch N commits, batch N+1 is applied and grows for as long as the commit takes).
 * A future completes only once its batch is durable; if a commit fails nothing after it is acknowledged and the
 * state is rebuilt from the journal. Start: latest snapshot plus replay. Idempotency: {@link KeyWindow} + index.
 */
@Component
public class Sequencer implements SmartLifecycle {

    /** The engine's state as of a sequence number. */
    public record StateView(long sequence, String stateHash) {
    }

    /** A book and the sequence number it is the state of. */
    public record BookView(long sequence, long timestampMs, L2Book book) {
    }

    private static final Logger log = LoggerFactory.getLogger(Sequencer.class);
    private static final int DRAIN = 256;

    private sealed interface Item permits CommandItem, QueryItem, Wake {
    }

    /**
     * {@code indexedUpTo}: the journal was durable up to here when {@code found} was looked up in the index;
     * {@code mark}: the signed request that carried the command, or null.
     */
    private record CommandItem(Command command, CompletableFuture<CommandResult> future, long indexedUpTo,
                               AppliedCommand found, ReplayMark mark) implements Item {
    }

    private record QueryItem(Function<ExchangeEngine, ?> query, CompletableFuture<Object> future) implements Item {
    }

    private record Wake() implements Item {
    }

    private static final Wake WAKE = new Wake();

    private final EngineConfig config;
    private final EngineFactory engines;
    private final Journal journal;
    private final KeyIndex index;
    private final SnapshotStore snapshots;
    private final ObjectProvider<CommitListener> listenerProvider;
    private final MeterRegistry meters;
    private final int snapshotEvery;
    private final int maxBatch;
    private final BlockingQueue<Item> queue;
    private final KeyWindow window;
    private final EventCollector collector = new EventCollector();
    private final Counter commandCounter;

    private List<CommitListener> listeners = List.of();
    private Committer committer;
    private ExchangeEngine engine;
    private long lastSeq;
    private long lastTs;
    private long sinceSnapshot;
    private volatile boolean running;
    private Thread thread;

    Sequencer(MarketCatalog catalog, Journal journal, KeyIndex index, SnapshotStore snapshots,
              ObjectProvider<CommitListener> listeners, MeterRegistry meters,
              @Value("${skyx.sequencer.snapshot-every:10000}") int snapshotEvery,
              @Value("${skyx.sequencer.queue-capacity:65536}") int queueCapacity,
              @Value("${skyx.sequencer.max-batch:4096}") int maxBatch,
              @Value("${skyx.sequencer.key-window:100000}") int keyWindow,
              @Value("${skyx.engine.implementation:FAST}") Engines.Implementation implementation) {
        if (snapshotEvery < 1 || queueCapacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("skyx.sequencer.snapshot-every, queue-capacity and max-batch must be "
                    + "positive");
        }
        this.config = catalog.engineConfig();
        this.engines = new EngineFactory(implementation);
        this.journal = journal;
        this.index = index;
        this.snapshots = snapshots;
        this.listenerProvider = listeners;
        this.meters = meters;
        this.snapshotEvery = snapshotEvery;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.window = new KeyWindow(keyWindow);
        this.commandCounter = Counter.builder("skyx.sequencer.commands").description("commands sequenced")
                .register(meters);
        meters.gauge("skyx.sequencer.queue", queue, BlockingQueue::size);
    }

    /**
     * Submits a command. The future completes once the command is durable in the journal (or is a repeat of an
     * earlier one: then with the original result, {@code repeated} set), or exceptionally with
     * {@link SequencerUnavailableException}. A command with a key not in the recent window costs one indexed
     * lookup in the journal, on the caller's thread.
     */
    public CompletableFuture<CommandResult> submit(Command command) {
        return submit(command, null);
    }

    /**
     * {@link #submit(Command)} for a command carried by a signed request: its {@link ReplayMark} is journaled with
     * the command (in the same transaction) unless the command is a repeat, which journals nothing.
     */
    public CompletableFuture<CommandResult> submit(Command command, ReplayMark mark) {
        CompletableFuture<CommandResult> f = new CompletableFuture<>();
        String key = command.idempotencyKey();
        long indexedUpTo = -1;
        AppliedCommand found = null;
        if (key != null && running && !window.contains(key)) {
            Committer c = committer;
            indexedUpTo = c == null ? 0 : c.durableSeq();
            try {
                found = index.byKey(key).orElse(null);
            } catch (RuntimeException e) {
                f.completeExceptionally(new SequencerUnavailableException("the journal is unavailable, retry"));
                return f;
            }
        }
        offer(new CommandItem(command, f, indexedUpTo, found, mark), f);
        return f;
    }

    /** The sequence number and state hash of the engine, as of the latest durable command. */
    public CompletableFuture<StateView> state() {
        return query(e -> new StateView(e.lastSequence(), HexFormat.of().formatHex(e.stateHash())));
    }

    /** The top {@code depth} levels of a market's book (engine market id), as of the latest durable command. */
    public CompletableFuture<BookView> book(int marketId, int depth) {
        return query(e -> new BookView(e.lastSequence(), lastTs, e.l2Book(marketId, depth)));
    }

    /**
     * What users are owed of one asset (engine asset id), as of the latest durable command: available + locked +
     * withdrawing of every user, which is −(RESERVE + FEES + SETTLEMENT_POOL) by the ledger's invariant (no scan).
     */
    public CompletableFuture<Long> owedToUsers(int assetId) {
        return query(e -> -Math.addExact(Math.addExact(e.systemBalance(AccountKind.RESERVE, assetId),
                e.systemBalance(AccountKind.FEES, assetId)), e.systemBalance(AccountKind.SETTLEMENT_POOL, assetId)));
    }

    /** The last sequence number known durable (0 before start). */
    public long durableSequence() {
        Committer c = committer;
        return c == null ? 0 : c.durableSeq();
    }

    /** A query on the engine, answered on its thread once everything applied before it is durable. */
    @SuppressWarnings("unchecked")
    <T> CompletableFuture<T> query(Function<ExchangeEngine, T> query) {
        CompletableFuture<Object> f = new CompletableFuture<>();
        offer(new QueryItem(query, f), f);
        return (CompletableFuture<T>) (CompletableFuture<?>) f;
    }

    private void offer(Item item, CompletableFuture<?> f) {
        if (!running) {
            f.completeExceptionally(new SequencerUnavailableException("the sequencer is not running"));
        } else if (!queue.offer(item)) {
            f.completeExceptionally(new SequencerUnavailableException("the sequencer is overloaded, retry later"));
        }
    }

    @Override
    public void start() {
        listeners = listenerProvider.orderedStream().toList();
        recover();
        committer = new Committer(journal, snapshots, listeners, meters, () -> queue.offer(WAKE), lastSeq);
        running = true;
        thread = new Thread(this::run, "sequencer");
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (committer != null) {
            committer.stop();
        }
        List<Item> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(i -> fail(i, new SequencerUnavailableException("the sequencer stopped")));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }

    private void recover() {
        long t0 = System.nanoTime();
        SnapshotStore.Snapshot snap = snapshots.latest().orElse(null);
        ExchangeEngine e = snap == null ? engines.create(config, collector)
                : engines.restore(config, collector, snap.state());
        Replay.End end = Replay.into(e, journal, snap == null ? 0 : snap.seq());
        long last = end.seq();
        long ts = end.tsMs();
        long replayed = end.count();
        engine = e;
        lastSeq = last;
        lastTs = Math.max(lastTs, ts);
        sinceSnapshot = replayed;
        window.reset(last);
        Map<Integer, L2Book> books = new LinkedHashMap<>();
        for (MarketSpec m : config.markets()) {
            books.put(m.id(), engine.l2Book(m.id(), Integer.MAX_VALUE));
        }
        for (CommitListener l : listeners) {
            l.started(lastSeq, books);
        }
        log.info("Recovered to seq {} (snapshot {}, {} journal entries replayed) in {} ms", lastSeq,
                snap == null ? "none" : snap.seq(), replayed, (System.nanoTime() - t0) / 1_000_000);
    }

    private void run() {
        Batch current = new Batch();
        List<Item> drained = new ArrayList<>(DRAIN);
        while (running || !queue.isEmpty() || !current.isEmpty()) {
            try {
                if (committer.isBroken()) {
                    current = rebuild(current);
                    continue;
                }
                Item first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    drained.add(first);
                    queue.drainTo(drained, Math.max(0, Math.min(DRAIN, maxBatch - current.commands()) - 1));
                    for (Item item : drained) {
                        handle(item, current);
                    }
                    drained.clear();
                }
                if (!current.isEmpty()) {
                    if (current.commands() >= maxBatch) {
                        while (!committer.isIdle() && !committer.isBroken()) {
                            LockSupport.parkNanos(20_000);
                        }
                    }
                    if (!committer.isBroken() && handOver(current)) {
                        current = new Batch();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Sequencer failed applying a batch; state will be rebuilt from the journal", e);
                drained.forEach(i -> fail(i, new SequencerUnavailableException("internal error, retry")));
                drained.clear();
                current.failAll(new SequencerUnavailableException("internal error, retry"));
                current = new Batch();
                awaitCommitterIdle();
                recoverOrWait();
            }
        }
    }

    private boolean handOver(Batch b) {
        if (sinceSnapshot >= snapshotEvery && b.commands() > 0) {
            b.snapshot = engine.snapshot();
            b.snapshotHash = engine.stateHash();
            if (!committer.offer(b)) {
                b.snapshot = null;
                b.snapshotHash = null;
                return false;
            }
            sinceSnapshot = 0;
            return true;
        }
        return committer.offer(b);
    }

    /** A commit failed: fail what is not durable, wait for the committer to drain, rebuild from the journal. */
    private Batch rebuild(Batch current) {
        current.failAll(new SequencerUnavailableException("the journal is unavailable, retry"));
        awaitCommitterIdle();
        recoverOrWait();
        return new Batch();
    }

    private void awaitCommitterIdle() {
        while (!committer.isIdle()) {
            LockSupport.parkNanos(20_000);
        }
    }

    private void recoverOrWait() {
        try {
            recover();
            committer.repaired(lastSeq);
        } catch (RuntimeException e) {
            log.error("Recovery from the journal failed; retrying in 1 s", e);
            try {
                Thread.sleep(1000);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            List<Item> left = new ArrayList<>();
            queue.drainTo(left);
            left.forEach(i -> fail(i, new SequencerUnavailableException("the journal is unavailable, retry")));
        }
    }

    private void handle(Item item, Batch current) {
        switch (item) {
            case CommandItem ci -> sequence(ci, current);
            case QueryItem qi -> {
                try {
                    current.answer(qi.future(), qi.query().apply(engine));
                } catch (RuntimeException e) {
                    qi.future().completeExceptionally(e);
                }
            }
            case Wake w -> {
                // the committer became idle: the caller hands the batch over
            }
        }
    }

    private void sequence(CommandItem ci, Batch current) {
        Command c = ci.command();
        String key = c.idempotencyKey();
        if (key != null) {
            AppliedCommand original = original(key, ci);
            if (original != null) {
                current.answer(ci.future(), CommandResult.of(original, true));
                return;
            }
        }
        long seq = lastSeq + 1;
        long ts = Math.max(lastTs, System.currentTimeMillis());
        collector.begin();
        ResultCode code;
        List<EngineEvent> events;
        try {
            code = Apply.apply(engine, seq, ts, c);
        } finally {
            events = collector.end();
        }
        lastSeq = seq;
        lastTs = ts;
        sinceSnapshot++;
        commandCounter.increment();
        AppliedCommand a = new AppliedCommand(seq, ts, c, code, events);
        current.applied.add(a);
        if (ci.mark() != null) {
            current.marks.add(ci.mark());
        }
        if (key != null) {
            window.put(key, a, committer.durableSeq());
        }
        current.answer(ci.future(), CommandResult.of(a, false));
    }

    private AppliedCommand original(String key, CommandItem ci) {
        AppliedCommand recent = window.get(key);
        if (recent != null) {
            return recent;
        }
        if (ci.found() != null) {
            return ci.found();
        }
        if (ci.indexedUpTo() < window.evictedUpTo()) {
            Optional<AppliedCommand> again = index.byKey(key);
            return again.orElse(null);
        }
        return null;
    }

    private static void fail(Item item, RuntimeException e) {
        switch (item) {
            case CommandItem ci -> ci.future().completeExceptionally(e);
            case QueryItem qi -> qi.future().completeExceptionally(e);
            case Wake w -> {
                // nothing waits on a wake-up
            }
        }
    }
}
