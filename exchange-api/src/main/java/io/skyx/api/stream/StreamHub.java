package io.skyx.api.stream;

import io.skyx.api.market.Market;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.sequencer.AppliedCommand;
import io.skyx.api.sequencer.CommitListener;
import io.skyx.api.sequencer.EngineEvent;
import io.skyx.engine.L2Book;
import io.skyx.engine.Side;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WebSocket streams (docs/api.md): public {@code book}, {@code trades}, {@code candles} per market, private
 * {@code orders} and {@code balances} of the connection's user. Every message carries the journal sequence number
 * of the command that caused it ({@code seq}) and its index among that command's messages on the stream
 * ({@code idx}). The hub's state (clients, subscriptions, books, windows) is owned by one thread fed by durable
 * batches and client messages; it never blocks: sends go to each connection's own bounded {@link Outbox}, and
 * PostgreSQL reads (resume older than the window, private snapshots) run on a reader thread whose answer comes
 * back to the hub, with the live messages of that stream held for the client meanwhile.
 */
@Component
class StreamHub implements CommitListener, StreamLog.Listener {

    private static final Logger log = LoggerFactory.getLogger(StreamHub.class);

    /** One connection: its outbox and, per subscribed stream, the last position sent (or the held messages). */
    private static final class Client {
        final Outbox out;
        final long userId;
        final Map<String, Msg.Pos> live = new HashMap<>();
        final Map<String, List<Msg>> held = new HashMap<>();

        Client(Outbox out, long userId) {
            this.out = out;
            this.userId = userId;
        }
    }

    /** What a reader-thread read gives back: texts to send, then live messages after {@code from}. */
    private record Answer(List<String> texts, Msg.Pos from) {
    }

    private final MarketCatalog catalog;
    private final StreamReads reads;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "stream"));
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> new Thread(r, "stream-reader"));
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Client> clients = new HashMap<>();
    private final Map<String, Set<Client>> subscribers = new HashMap<>();
    private final Map<Integer, BookChannel> books = new HashMap<>();
    private final Map<String, StreamWindow> windows = new HashMap<>();
    private final int maxResume;
    private final long clientBuffer;
    private final java.util.concurrent.atomic.AtomicLong dropped = new java.util.concurrent.atomic.AtomicLong();
    private long bookPosition;
    private long logPosition;

    StreamHub(MarketCatalog catalog, StreamLog streamLog, StreamReads reads,
              @Value("${skyx.stream.window:1000}") int window,
              @Value("${skyx.stream.max-resume:10000}") int maxResume,
              @Value("${skyx.stream.client-buffer-chars:1048576}") long clientBuffer) {
        if (window < 1 || maxResume < 1 || clientBuffer < 1024) {
            throw new IllegalArgumentException("skyx.stream.window and max-resume must be positive, "
                    + "client-buffer-chars at least 1024");
        }
        this.catalog = catalog;
        this.reads = reads;
        this.maxResume = maxResume;
        this.clientBuffer = clientBuffer;
        streamLog.listen(this);
        for (Market m : catalog.markets()) {
            BookChannel b = new BookChannel(m, json);
            books.put(m.spec().id(), b);
            for (String ch : List.of("book", "trades", "candles")) {
                windows.put(ch + ":" + m.id(), new StreamWindow(window, 0));
            }
        }
    }

    @PreDestroy
    void close() {
        thread.shutdownNow();
        reader.shutdownNow();
        senders.shutdownNow();
    }

    private void run(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Stream task failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Stream hub stopped; task dropped");
        }
    }

    @Override
    public void started(long seq, Map<Integer, L2Book> fullBooks) {
        run(() -> {
            bookPosition = seq;
            fullBooks.forEach((id, book) -> {
                BookChannel ch = books.get(id);
                ch.reset(book);
                windows.get(ch.stream()).reset(seq);
                Msg snap = new Msg(ch.stream(), seq, Integer.MAX_VALUE, ch.snapshot(seq));
                for (Client c : subscribers.getOrDefault(ch.stream(), Set.of())) {
                    c.live.put(ch.stream(), snap.pos());
                    send(c, snap.json());
                }
            });
        });
    }

    /** Book deltas come straight from the durable batches; everything else from the {@link StreamLog}. */
    @Override
    public void committed(List<AppliedCommand> batch) {
        run(() -> publish(batch));
    }

    @Override
    public void restarted(long seq) {
        run(() -> {
            logPosition = seq;
            windows.forEach((k, w) -> {
                if (!k.startsWith("book:")) {
                    w.reset(seq);
                }
            });
        });
    }

    @Override
    public void logged(List<Msg> messages) {
        run(() -> {
            messages.forEach(this::fanOut);
            logPosition = Math.max(logPosition, messages.getLast().seq());
        });
    }

    void connected(String id, WebSocketSession session, long userId) {
        Outbox out = new Outbox(session, clientBuffer, senders);
        run(() -> clients.put(id, new Client(out, userId)));
    }

    void disconnected(String id) {
        run(() -> {
            Client c = clients.remove(id);
            if (c != null) {
                c.live.keySet().forEach(k -> unindex(k, c));
                c.held.keySet().forEach(k -> unindex(k, c));
            }
        });
    }

    /** A client message; {@code done} runs once the hub has handled it. */
    void received(String id, String payload, Runnable done) {
        run(() -> {
            done.run();
            Client c = clients.get(id);
            if (c != null && !c.out.closed()) {
                handle(c, payload);
            }
        });
    }

    /** Clients dropped so far because they fell behind (outbound queue or waiting requests over their bound). */
    long dropped() {
        return dropped.get();
    }

    void countDrop() {
        dropped.incrementAndGet();
    }

    private void handle(Client c, String payload) {
        JsonNode msg;
        try {
            msg = json.readTree(payload);
        } catch (RuntimeException e) {
            error(c, "MALFORMED_JSON", "message is not valid JSON");
            return;
        }
        StreamRequest r = StreamRequest.parse(msg);
        if (r.error() != null) {
            error(c, "BAD_REQUEST", r.error());
            return;
        }
        switch (r.op()) {
            case "ping" -> send(c, "{\"type\":\"pong\"}");
            case "subscribe" -> subscribe(c, r);
            case "unsubscribe" -> {
                String k = stream(c, r);
                if (k != null) {
                    c.live.remove(k);
                    c.held.remove(k);
                    unindex(k, c);
                }
            }
            default -> error(c, "BAD_REQUEST", "op must be subscribe, unsubscribe or ping");
        }
    }

    /** The stream key of a request ("book:SKY-BTC", "orders:42"), or null after sending the error. */
    private String stream(Client c, StreamRequest r) {
        switch (r.channel()) {
            case "book", "trades", "candles" -> {
                for (Market m : catalog.markets()) {
                    if (m.id().equals(r.market())) {
                        return r.channel() + ":" + m.id();
                    }
                }
                error(c, "UNKNOWN_MARKET", "unknown market");
                return null;
            }
            case "orders", "balances" -> {
                if (c.userId == 0) {
                    error(c, "UNAUTHENTICATED", "private channels need a signed-in session or a signed handshake");
                    return null;
                }
                return r.channel() + ":" + c.userId;
            }
            default -> {
                error(c, "BAD_REQUEST", "unknown channel; use book, trades, candles, orders or balances");
                return null;
            }
        }
    }

    private void subscribe(Client c, StreamRequest r) {
        String k = stream(c, r);
        if (k == null || c.live.containsKey(k) || c.held.containsKey(k)) {
            return; // a repeated subscribe changes nothing and resends nothing
        }
        Msg.Pos since = r.since();
        Msg.Pos now = Msg.Pos.after("book".equals(r.channel()) ? bookPosition : logPosition);
        subscribers.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(c);
        switch (r.channel()) {
            case "book" -> {
                List<Msg> missed = since == null ? null : windows.get(k).after(since);
                if (since != null && now.before(since)) {
                    c.live.put(k, since);
                } else if (missed != null) {
                    missed.forEach(m -> send(c, m.json()));
                    c.live.put(k, now);
                } else {
                    send(c, books.get(catalog.market(r.market(), "market").spec().id()).snapshot(bookPosition));
                    c.live.put(k, now);
                }
            }
            case "trades", "candles" -> {
                List<Msg> missed = since == null ? List.of() : windows.get(k).after(since);
                if (since != null && now.before(since)) {
                    c.live.put(k, since);
                } else if (missed != null) {
                    missed.forEach(m -> send(c, m.json()));
                    c.live.put(k, now);
                } else {
                    hold(c, k, () -> resume(k, since, null));
                }
            }
            default -> {
                boolean orders = "orders".equals(r.channel());
                Supplier<Answer> snapshot = () -> {
                    SnapshotReads.AtSeq<String> s = orders ? reads.orders(c.userId) : reads.balances(c.userId);
                    List<Msg> later = reads.after(k, Msg.Pos.after(s.seq()), maxResume).messages();
                    if (later == null) {
                        return new Answer(List.of(errorText("UNAVAILABLE", "the stream is far ahead of the "
                                + "snapshot; retry")), null);
                    }
                    List<String> texts = new ArrayList<>();
                    texts.add(s.value());
                    texts.addAll(StreamReads.texts(later));
                    return new Answer(texts, later.isEmpty() ? Msg.Pos.after(s.seq()) : later.getLast().pos());
                };
                hold(c, k, since == null ? snapshot : () -> resume(k, since, snapshot));
            }
        }
    }

    /** Reads the stored messages after {@code since}; too many: {@code fallback} (or an error and live from now). */
    private Answer resume(String k, Msg.Pos since, Supplier<Answer> fallback) {
        StreamReads.Stored stored = reads.after(k, since, maxResume);
        List<Msg> msgs = stored.messages();
        if (msgs != null) {
            return new Answer(StreamReads.texts(msgs), msgs.isEmpty() ? since : msgs.getLast().pos());
        }
        if (fallback != null) {
            return fallback.get();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        int colon = k.indexOf(':');
        m.put("channel", k.substring(0, colon));
        m.put("market", k.substring(colon + 1));
        m.put("type", "error");
        m.put("code", "RESUME_TOO_FAR");
        m.put("message", stored.missing() + ": reload over REST; the subscription goes on live from now");
        return new Answer(List.of(json.writeValueAsString(m)), Msg.Pos.ZERO);
    }

    /** Holds the stream's live messages for the client while {@code read} runs on the reader thread. */
    private void hold(Client c, String k, Supplier<Answer> read) {
        c.held.put(k, new ArrayList<>());
        try {
            reader.execute(() -> {
                Answer a;
                try {
                    a = read.get();
                } catch (RuntimeException e) {
                    log.error("Stream read for {} failed", k, e);
                    a = new Answer(List.of(errorText("UNAVAILABLE", "could not read the stream; retry")), null);
                }
                Answer answer = a;
                run(() -> answered(c, k, answer));
            });
        } catch (RejectedExecutionException e) {
            c.held.remove(k);
        }
    }

    private void answered(Client c, String k, Answer a) {
        List<Msg> held = c.held.remove(k);
        if (held == null || c.out.closed()) {
            return; // unsubscribed or gone meanwhile
        }
        a.texts().forEach(t -> send(c, t));
        if (a.from() == null) {
            unindex(k, c);
            return;
        }
        c.live.put(k, a.from());
        held.forEach(m -> deliver(c, m));
    }

    private void publish(List<AppliedCommand> batch) {
        for (AppliedCommand a : batch) {
            Map<Integer, Map<Side, Map<Long, Long>>> levels = new LinkedHashMap<>();
            for (EngineEvent e : a.events()) {
                if (e instanceof EngineEvent.BookDelta d) {
                    levels.computeIfAbsent(d.marketId(), x -> new LinkedHashMap<>())
                            .computeIfAbsent(d.side(), x -> new LinkedHashMap<>()).put(d.price(), d.newLevelSize());
                }
            }
            levels.forEach((marketId, sides) -> fanOut(books.get(marketId).apply(a.seq(),
                    changes(sides.get(Side.BID)), changes(sides.get(Side.ASK)))));
        }
        bookPosition = Math.max(bookPosition, batch.getLast().seq());
    }

    private static List<long[]> changes(Map<Long, Long> side) {
        List<long[]> out = new ArrayList<>();
        if (side != null) {
            side.forEach((p, s) -> out.add(new long[] {p, s}));
        }
        return out;
    }

    private void fanOut(Msg m) {
        StreamWindow w = windows.get(m.stream());
        if (w != null) {
            w.add(m);
        }
        Set<Client> subs = subscribers.get(m.stream());
        if (subs != null) {
            for (Client c : List.copyOf(subs)) {
                deliver(c, m);
            }
        }
    }

    private void deliver(Client c, Msg m) {
        List<Msg> held = c.held.get(m.stream());
        if (held != null) {
            if (held.size() >= maxResume) {
                drop(c);
            } else {
                held.add(m);
            }
            return;
        }
        Msg.Pos last = c.live.get(m.stream());
        if (last != null && last.before(m.pos())) {
            c.live.put(m.stream(), m.pos());
            send(c, m.json());
        }
    }

    private void send(Client c, String text) {
        if (!c.out.offer(text) && !c.out.closed()) {
            drop(c);
        }
    }

    /** A client whose queue is full: closed with {@link Outbox#SLOW_CONSUMER}; it may resume with "since". */
    private void drop(Client c) {
        dropped.incrementAndGet();
        log.info("Dropping a WebSocket client that fell behind ({} chars queued)", c.out.queued());
        c.out.close(new CloseStatus(Outbox.SLOW_CONSUMER, "too slow: resume with since"));
        c.live.keySet().forEach(k -> unindex(k, c));
        c.held.keySet().forEach(k -> unindex(k, c));
        c.live.clear();
        c.held.clear();
    }

    private void unindex(String k, Client c) {
        Set<Client> s = subscribers.get(k);
        if (s != null) {
            s.remove(c);
            if (s.isEmpty()) {
                subscribers.remove(k);
            }
        }
    }

    private void error(Client c, String code, String message) {
        send(c, errorText(code, message));
    }

    private String errorText(String code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "error");
        m.put("code", code);
        m.put("message", message);
        return json.writeValueAsString(m);
    }
}
