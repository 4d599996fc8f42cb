package io.skyx.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.api.testing.TestBrowser;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A client that never reads (4 KB receive buffer) and keeps asking for book snapshots, beside a normal client:
 * the normal client's deltas keep arriving promptly, and the slow one is closed with code 4008.
 */
@TestPropertySource(properties = "skyx.stream.client-buffer-chars=65536")
class SlowConsumerIT extends IntegrationTestBase {

    private static final String SUB = "{\"op\":\"subscribe\",\"channel\":\"book\",\"market\":\"SKY-BTC\"}";
    private static final String UNSUB = "{\"op\":\"unsubscribe\",\"channel\":\"book\",\"market\":\"SKY-BTC\"}";
    private static final long BOUND_MS = 2_000;

    @Autowired
    StreamHub hub;

    @Test
    void aClientThatNeverReadsIsDroppedWithItsCloseCodeAndSlowsNobodyElse() throws Exception {
        TestBrowser alice = new TestBrowser(url("")).signUp();
        TestBrowser bob = new TestBrowser(url("")).signUp();
        alice.post("/api/v1/test-funds", null);
        bob.post("/api/v1/test-funds", null);
        for (int i = 0; i < 150; i++) {
            StreamResumeIT.order(alice, "sell", String.format("0.0001%04d", i), "1");
        }
        try (Recorder normal = new Recorder(port, null); RawSocket slow = new RawSocket(port, 4096)) {
            normal.send(SUB);
            normal.sync();
            Thread flood = Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < 3000; i++) {
                        slow.send(SUB);
                        slow.send(UNSUB);
                    }
                } catch (IOException e) {
                    // the server closed the connection: expected once it is dropped
                }
            });
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long t0 = System.nanoTime();
                long id = StreamResumeIT.order(bob, "buy", String.format("0.0000%04d", 100 + i), "1");
                normal.syncUntil("book", id);
                latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            }
            System.out.println("SlowConsumerIT: order → delta latencies (ms) beside the stalled client: " + latencies);
            assertThat(latencies).allMatch(ms -> ms < BOUND_MS);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (hub.dropped() == 0 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(hub.dropped()).as("the slow client was dropped").isPositive();
            int frames = 0;
            RawSocket.Frame f;
            do {
                try {
                    f = slow.next(10_000);
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("no close frame after " + frames + " frames", e);
                }
                frames++;
            } while (f.opcode() != 8);
            assertThat(f.closeCode()).isEqualTo(Outbox.SLOW_CONSUMER);
            assertThat(frames).as("it got far fewer than the 3000 snapshots it asked for").isLessThan(3000);
            flood.join(10_000);
            normal.send(UNSUB);
            normal.sync();
            for (TestBrowser b : List.of(alice, bob)) {
                b.send("DELETE", "/api/v1/orders?market=SKY-BTC", null);
            }
        }
    }
}
