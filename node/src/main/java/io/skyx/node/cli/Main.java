package io.skyx.node.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Entry point of the node's runnable jar: {@code java -jar skyx-node-…-cli.jar <subcommand> [options]}
 * (the operator's {@code skycoin} command). Exit codes: 0 success, 1 a failed check, 2 bad usage.
 *
 * <p>To add a subcommand, implement {@link Subcommand} and add one line to {@link #COMMANDS}.
 */
public final class Main {
    private static final Map<String, Supplier<Subcommand>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("address", AddressCommand::new);
        COMMANDS.put("sign", CryptoCommand::sign);
        COMMANDS.put("verify", CryptoCommand::verify);
        COMMANDS.put("recover", CryptoCommand::recover);
        COMMANDS.put("decode-tx", DecodeTxCommand::new);
        COMMANDS.put("verify-chain", VerifyChainCommand::new);
        COMMANDS.put("node", NodeCommand::new);
        COMMANDS.put("verify-reserves", VerifyReservesCommand::new);
    }

    private Main() {
    }

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        int code = run(Arrays.asList(args), System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /** Runs the command line in-process (used by tests); returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            printUsage(args.isEmpty() ? err : out);
            return args.isEmpty() ? Subcommand.USAGE : Subcommand.OK;
        }
        Supplier<Subcommand> factory = COMMANDS.get(args.get(0));
        if (factory == null) {
            err.println("skycoin: unknown subcommand '" + args.get(0) + "'");
            printUsage(err);
            return Subcommand.USAGE;
        }
        Subcommand command = factory.get();
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println("usage: skycoin " + command.usage());
            return Subcommand.OK;
        }
        try {
            return command.run(rest, out, err);
        } catch (UsageException e) {
            err.println("skycoin " + args.get(0) + ": " + e.getMessage());
            err.println("usage: skycoin " + command.usage());
            return Subcommand.USAGE;
        }
    }

    private static void printUsage(PrintStream stream) {
        stream.println("usage: skycoin <subcommand> [options]   (--help after a subcommand for its options)");
        for (Supplier<Subcommand> factory : COMMANDS.values()) {
            stream.println("  skycoin " + factory.get().usage());
        }
    }
}
