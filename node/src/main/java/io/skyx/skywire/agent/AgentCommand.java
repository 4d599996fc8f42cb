package io.skyx.skywire.agent;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.KeyPair;
import io.skyx.node.cli.Args;
import io.skyx.node.cli.Subcommand;
import io.skyx.node.cli.UsageException;
import io.skyx.skywire.RecordChecks;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code skywire-agent} ({@link AgentMain}): the relay agent (docs/skywire.md).
 * <ul>
 *   <li>{@code keygen --key FILE}: a new relay key, mode 600;</li>
 *   <li>{@code run --key FILE --state DIR --bootstrap HOST:PORT (--transport-log DIR --transports FILE |
 *       --metrics FILE|URL) [--reward ADDRESS] [--interval S] [--once]}: publish the visor's transport log, or the
 *       Transport Discovery's metrics, every interval and claim finished days;</li>
 *   <li>{@code simulate --relays N --state DIR --bootstrap HOST:PORT [--seed S] [--rate B] [--interval S]
 *       [--once]}: N simulated relays.</li>
 * </ul>
 */
public final class AgentCommand implements Subcommand {

    @Override
    public String usage() {
        return "skywire-agent (keygen --key FILE | run --key FILE --state DIR --bootstrap HOST:PORT (--transport-log DIR"
                + " --transports FILE | --metrics FILE|URL) [--reward ADDR] | simulate --relays N --state DIR --bootstrap HOST:PORT"
                + " [--seed S] [--rate B]) [--topic T] [--interval S] [--once]";
    }

    @Override
    public int run(List<String> raw, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parse(raw, Set.of("key", "state", "bootstrap", "topic", "transport-log", "transports", "metrics",
                "reward", "interval", "relays", "seed", "rate"), Set.of("once"));
        if (args.positional().size() != 1) {
            throw new UsageException("give one of keygen, run, simulate");
        }
        long interval = args.longValue("interval", 60, 1, 86_400);
        try {
            switch (args.positional().get(0)) {
                case "keygen" -> {
                    KeyPair k = RelayKeyFile.create(Path.of(args.required("key")));
                    out.println(k.pub().hex());
                    return OK;
                }
                case "run" -> {
                    KeyPair key = RelayKeyFile.load(Path.of(args.required("key")));
                    Address reward = args.value("reward").isPresent() ? Address.parse(args.value("reward").get())
                            : key.address();
                    Readings source = readings(args, key);
                    try (RecordSink sink = sink(args)) {
                        RelayAgent agent = new RelayAgent(key, Path.of(args.required("state")), sink);
                        do {
                            long now = System.currentTimeMillis() / 1000;
                            long today = RecordChecks.epochOf(now);
                            int n = agent.publish(source.read(today - 1, now)) + agent.publish(source.read(today, now));
                            for (long e : agent.unclaimedEpochs()) {
                                if (e < today) {
                                    agent.claim(e, reward);
                                }
                            }
                            out.println("published " + n + " reports, seq " + agent.lastSeq());
                        } while (!args.flag("once") && sleep(interval));
                    }
                    return OK;
                }
                case "simulate" -> {
                    int relays = (int) args.longValue("relays", 5, 3, 100_000);
                    try (RecordSink sink = sink(args)) {
                        Simulator sim = new Simulator(relays, args.longValue("seed", 1, 0, Long.MAX_VALUE),
                                args.longValue("rate", 1000, 1, 1L << 32), Path.of(args.required("state")), sink);
                        do {
                            long now = System.currentTimeMillis() / 1000;
                            int n = sim.step(now);
                            int claims = 0;
                            for (long e = RecordChecks.epochOf(now) - 2; e < RecordChecks.epochOf(now); e++) {
                                claims += sim.claim(e);
                            }
                            out.println("simulated " + relays + " relays: " + n + " reports, " + claims + " claims");
                        } while (!args.flag("once") && sleep(interval));
                    }
                    return OK;
                }
                default -> throw new UsageException("unknown mode '" + args.positional().get(0) + "'");
            }
        } catch (IOException | CipherException e) {
            err.println("skywire-agent: " + e.getMessage());
            return FAILED;
        }
    }

    /** Where the relay's counters come from: the CSV transport log, or the Transport Discovery metrics. */
    private interface Readings {
        List<Sample> read(long epoch, long nowSeconds) throws IOException;
    }

    private static Readings readings(Args args, KeyPair key) throws UsageException, IOException {
        if (args.value("metrics").isPresent() == args.value("transport-log").isPresent()) {
            throw new UsageException("give one of --transport-log DIR (with --transports FILE) or --metrics FILE|URL");
        }
        if (args.value("metrics").isPresent()) {
            TransportMetricsSource m = new TransportMetricsSource(key.pub(), args.value("metrics").get());
            return m::read;
        }
        TransportLogSource log = new TransportLogSource(Path.of(args.required("transport-log")),
                Path.of(args.required("transports")));
        return (epoch, now) -> log.read(epoch);
    }

    private static RecordSink sink(Args args) throws UsageException {
        return new KafkaRecordSink(args.required("bootstrap"), args.value("topic").orElse("skywire.usage"));
    }

    private static boolean sleep(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
