package io.skyx.api.sequencer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.skyx.api.market.MarketCatalog;
import io.skyx.engine.EngineConfig;
import io.skyx.engine.Engines;
import io.skyx.engine.ExchangeEngine;
import io.skyx.engine.L2Book;
import io.skyx.engine.MarketSpec;
import io.skyx.engine.ResultCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one sequencer (DESIGN.md §4): a single thread that owns the engine. It takes commands in arrival order,
 * stamps each with the next sequence number and the time, applies it to the engine, and writes the batch to the
 * journal together with its projections in one PostgreSQL transaction (group commit). A command's future
 * completes only after that commit. On start it restores the latest snapshot and replays the journal after it.
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
    private static final int MAX_BATCH = 512;

    private sealed interface Item permits CommandItem, QueryItem {
    }

    private record CommandItem(Command command, CompletableFuture<CommandResult> future) implements Item {
    }

    private record QueryItem(Function<ExchangeEngine, ?> query, CompletableFuture<Object> future) implements Item {
    }

    private final EngineConfig config;
    private final EngineFactory engines;
    private final PgJournal journal;
    private final SnapshotStore snapshots;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectProvider<Projection> projectionProvider;
    private final ObjectProvider<CommitListener> listenerProvider;
    private final int snapshotEvery;
    private final BlockingQueue<Item> queue;
    private final EventCollector collector = new EventCollector();
    private final Timer commitTimer;
    private final Counter commandCounter;

    private List<Projection> projections = List.of();
    private List<CommitListener> listeners = List.of();
    private ExchangeEngine engine;
    private Map<String, CommandResult> keys = Map.of();
    private long lastSeq;
    private long lastTs;
    private long sinceSnapshot;
    private boolean needsRecovery;
    private volatile boolean running;
    private Thread thread;

    Sequencer(MarketCatalog catalog, PgJournal journal, SnapshotStore snapshots, JdbcTemplate jdbc,
              TransactionTemplate tx, ObjectProvider<Projection> projections,
              ObjectProvider<CommitListener> listeners, MeterRegistry meters,
              @Value("${skyx.sequencer.snapshot-every:10000}") int snapshotEvery,
              @Value("${skyx.sequencer.queue-capacity:65536}") int queueCapacity,
              @Value("${skyx.engine.implementation:FAST}") Engines.Implementation implementation) {
        if (snapshotEvery < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("skyx.sequencer.snapshot-every and queue-capacity must be positive");
        }
        this.config = catalog.engineConfig();
        this.engines = new EngineFactory(implementation);
        this.journal = journal;
        this.snapshots = snapshots;
        this.jdbc = jdbc;
        this.tx = tx;
        this.projectionProvider = projections;
        this.listenerProvider = listeners;
        this.snapshotEvery = snapshotEvery;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.commitTimer = Timer.builder("skyx.journal.commit").description("journal group commit")
                .publishPercentileHistogram().register(meters);
        this.commandCounter = Counter.builder("skyx.sequencer.commands").description("commands sequenced")
                .register(meters);
        meters.gauge("skyx.sequencer.queue", queue, BlockingQueue::size);
    }

    /**
     * Submits a command. The future completes once the command is durable in the journal (or is a repeat of an
     * earlier one), or exceptionally with {@link SequencerUnavailableException}.
     */
    public CompletableFuture<CommandResult> submit(Command command) {
        CompletableFuture<CommandResult> f = new CompletableFuture<>();
        offer(new CommandItem(command, f), f);
        return f;
    }

    /** The sequence number and state hash of the engine, as of the latest committed command. */
    public CompletableFuture<StateView> state() {
        return read(e -> new StateView(e.lastSequence(), HexFormat.of().formatHex(e.stateHash())));
    }

    /** The top {@code depth} levels of a market's book (engine market id), as of the latest committed command. */
    public CompletableFuture<BookView> book(int marketId, int depth) {
        return read(e -> new BookView(e.lastSequence(), lastTs, e.l2Book(marketId, depth)));
    }

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> read(Function<ExchangeEngine, T> query) {
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
        projections = projectionProvider.orderedStream().toList();
        listeners = listenerProvider.orderedStream().toList();
        recover();
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
        long[] last = {snap == null ? 0 : snap.seq(), 0};
        long[] replayed = {0};
        journal.replay(last[0], entry -> {
            ResultCode code = Apply.apply(e, entry.seq(), entry.tsMs(), entry.command());
            if (code != entry.result()) {
                throw new IllegalStateException("journal replay diverged at seq " + entry.seq() + ": journaled "
                        + entry.result() + ", replayed " + code);
            }
            last[0] = entry.seq();
            last[1] = entry.tsMs();
            replayed[0]++;
        });
        if (e.lastSequence() != last[0]) {
            throw new IllegalStateException("engine at seq " + e.lastSequence() + " after replay to " + last[0]);
        }
        engine = e;
        lastSeq = last[0];
        lastTs = Math.max(lastTs, last[1]);
        keys = new HashMap<>();
        for (Projection p : projections) {
            p.load(jdbc);
        }
        Map<Integer, L2Book> books = new LinkedHashMap<>();
        for (MarketSpec m : config.markets()) {
            books.put(m.id(), engine.l2Book(m.id(), Integer.MAX_VALUE));
        }
        for (CommitListener l : listeners) {
            l.started(lastSeq, books);
        }
        needsRecovery = false;
        log.info("Recovered to seq {} (snapshot {}, {} journal entries replayed) in {} ms", lastSeq,
                snap == null ? "none" : snap.seq(), replayed[0], (System.nanoTime() - t0) / 1_000_000);
    }

    private void run() {
        List<Item> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Item first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Sequencer batch failed; state will be rebuilt from the journal", e);
                needsRecovery = true;
                batch.forEach(i -> fail(i, new SequencerUnavailableException("internal error, retry")));
            } finally {
                batch.clear();
            }
        }
    }

    private void process(List<Item> batch) {
        if (needsRecovery) {
            try {
                recover();
            } catch (RuntimeException e) {
                log.error("Recovery from the journal failed", e);
                batch.forEach(i -> fail(i, new SequencerUnavailableException("the journal is unavailable")));
                return;
            }
        }
        List<AppliedCommand> applied = new ArrayList<>(batch.size());
        List<Runnable> completions = new ArrayList<>(batch.size());
        for (Item item : batch) {
            switch (item) {
                case CommandItem ci -> sequence(ci, applied, completions);
                case QueryItem qi -> completions.add(() -> answer(qi));
            }
        }
        if (!applied.isEmpty()) {
            try {
                commitTimer.record(() -> tx.executeWithoutResult(s -> {
                    journal.append(applied);
                    for (Projection p : projections) {
                        p.project(jdbc, applied);
                    }
                }));
            } catch (RuntimeException e) {
                log.error("Journal commit failed for seq {}..{}; rebuilding state from the journal",
                        applied.getFirst().seq(), applied.getLast().seq(), e);
                needsRecovery = true;
                batch.forEach(i -> fail(i, new SequencerUnavailableException("the journal is unavailable")));
                return;
            }
            commandCounter.increment(applied.size());
            sinceSnapshot += applied.size();
            for (CommitListener l : listeners) {
                try {
                    l.committed(applied);
                } catch (RuntimeException e) {
                    log.error("Commit listener {} failed", l.getClass().getSimpleName(), e);
                }
            }
        }
        completions.forEach(Runnable::run);
        if (sinceSnapshot >= snapshotEvery) {
            snapshot();
        }
    }

    private void sequence(CommandItem ci, List<AppliedCommand> applied, List<Runnable> completions) {
        Command c = ci.command();
        String key = c.idempotencyKey();
        CommandResult original = key == null ? null : keys.get(key);
        if (original == null && key != null) {
            original = journal.byKey(key).map(a -> new CommandResult(a.seq(), a.result(), true)).orElse(null);
        }
        if (original != null) {
            CommandResult repeat = new CommandResult(original.seq(), original.code(), true);
            completions.add(() -> ci.future().complete(repeat));
            return;
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
        applied.add(new AppliedCommand(seq, ts, c, code, events));
        CommandResult result = new CommandResult(seq, code, false);
        if (key != null) {
            keys.put(key, result);
        }
        completions.add(() -> ci.future().complete(result));
    }

    private void answer(QueryItem qi) {
        try {
            qi.future().complete(qi.query().apply(engine));
        } catch (RuntimeException e) {
            qi.future().completeExceptionally(e);
        }
    }

    private void snapshot() {
        try {
            byte[] state = engine.snapshot();
            byte[] hash = engine.stateHash();
            snapshots.save(lastSeq, state, hash);
            sinceSnapshot = 0;
            log.info("Snapshot at seq {} ({} bytes)", lastSeq, state.length);
        } catch (RuntimeException e) {
            log.error("Snapshot at seq {} failed; will retry", lastSeq, e);
        }
    }

    private static void fail(Item item, RuntimeException e) {
        switch (item) {
            case CommandItem ci -> ci.future().completeExceptionally(e);
            case QueryItem qi -> qi.future().completeExceptionally(e);
        }
    }
}
