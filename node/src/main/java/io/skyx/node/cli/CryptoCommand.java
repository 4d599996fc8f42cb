package io.skyx.node.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code skycoin sign|verify|recover}: one check from options, or {@code --batch} lines on stdin (formats in
 * {@link CryptoOps} and docs/skycoin-node.md). {@code verify} exits 1 when the signature is not valid.
 */
final class CryptoCommand implements Subcommand {
    private final String name;
    private final InputStream stdin;

    private CryptoCommand(String name, InputStream stdin) {
        this.name = name;
        this.stdin = stdin;
    }

    static CryptoCommand sign() {
        return new CryptoCommand("sign", System.in);
    }

    static CryptoCommand verify() {
        return new CryptoCommand("verify", System.in);
    }

    static CryptoCommand recover() {
        return new CryptoCommand("recover", System.in);
    }

    /** For tests: the same command reading {@code --batch} input from {@code in}. */
    static CryptoCommand of(String name, InputStream in) {
        return new CryptoCommand(name, in);
    }

    @Override
    public String usage() {
        String hash = "(--hash HEX32 | --payload HEX)";
        return switch (name) {
            case "sign" -> "sign --secret HEX " + hash + " | sign --batch [--threads N]";
            case "verify" -> "verify --sig HEX65 " + hash + " (--address ADDR | --public HEX33) | verify --batch [--threads N]";
            default -> "recover --sig HEX65 " + hash + " | recover --batch [--threads N]";
        };
    }

    private BatchRunner.LineOp op() {
        return switch (name) {
            case "sign" -> CryptoOps::sign;
            case "verify" -> CryptoOps::verify;
            default -> CryptoOps::recover;
        };
    }

    @Override
    public int run(List<String> rawArgs, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parse(rawArgs, Set.of("secret", "hash", "payload", "sig", "address", "public", "threads"),
                Set.of("batch"));
        if (!args.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + args.positional().get(0) + "'");
        }
        if (args.flag("batch")) {
            return batch(op(), stdin, out, err, args);
        }
        if (args.value("hash").isPresent() == args.value("payload").isPresent()) {
            throw new UsageException("give exactly one of --hash and --payload");
        }
        String hash = args.value("hash").orElseGet(() -> "payload " + args.value("payload").orElseThrow());
        String line = switch (name) {
            case "sign" -> args.required("secret") + " " + hash;
            case "verify" -> {
                if (args.value("address").isPresent() == args.value("public").isPresent()) {
                    throw new UsageException("give exactly one of --address and --public");
                }
                yield args.value("address").orElseGet(() -> args.value("public").orElseThrow()) + " "
                        + args.required("sig") + " " + hash;
            }
            default -> args.required("sig") + " " + hash;
        };
        try {
            String result = op().apply(line);
            out.println(result);
            return result.contains("\"error\"") ? FAILED : OK;
        } catch (CryptoOps.BadLine e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Runs a batch; shared with {@code address --batch}. */
    static int batch(BatchRunner.LineOp op, InputStream in, PrintStream out, PrintStream err, Args args)
            throws UsageException {
        int threads = (int) args.longValue("threads", Runtime.getRuntime().availableProcessors(), 1, 1024);
        try {
            long failed = BatchRunner.run(op, in, out, threads);
            if (failed > 0) {
                err.println(failed + " line(s) failed");
            }
            return failed > 0 ? FAILED : OK;
        } catch (IOException e) {
            err.println("batch failed: " + e.getMessage());
            return FAILED;
        }
    }
}
