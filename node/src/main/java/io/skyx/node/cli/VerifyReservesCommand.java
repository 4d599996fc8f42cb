package io.skyx.node.cli;

import io.skyx.node.reserves.InclusionProof;
import io.skyx.node.reserves.ProofException;
import io.skyx.node.reserves.ProofJson;
import io.skyx.node.reserves.SnapshotRef;
import io.skyx.node.reserves.Value128;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code skycoin verify-reserves}: checks a user's liabilities inclusion proof file (downloaded from SkyX)
 * against the root published for that snapshot (from the public history or its on-chain anchor), without
 * trusting the exchange. Prints {@code OK} and the leaf, or {@code FAILED <code>: <reason>} and exits 1.
 */
final class VerifyReservesCommand implements Subcommand {
    private static final long MAX_FILE = 64 * 1024;

    @Override
    public String usage() {
        return "verify-reserves --proof FILE --root HEX [--total UNITS] [--account ID] [--balance UNITS] "
                + "[--asset SKY|BTC --snapshot N]";
    }

    @Override
    public int run(List<String> rawArgs, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parse(rawArgs, Set.of("proof", "root", "total", "account", "balance", "asset", "snapshot"),
                Set.of());
        if (!args.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + args.positional().get(0) + "'");
        }
        Path file = Path.of(args.required("proof"));
        String text;
        try {
            if (Files.size(file) > MAX_FILE) {
                err.println("verify-reserves: " + file + " is larger than " + MAX_FILE + " bytes");
                return USAGE;
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("verify-reserves: cannot read " + file + ": " + e.getMessage());
            return USAGE;
        }
        try {
            InclusionProof proof = ProofJson.read(text);
            SnapshotRef ref = proof.ref();
            if (args.value("asset").isPresent() || args.value("snapshot").isPresent()) {
                ref = new SnapshotRef(args.required("asset"), args.longValue("snapshot", 0, 1, Long.MAX_VALUE));
            }
            String account = args.value("account").orElse(proof.account());
            Value128 total = args.value("total").map(Value128::parse).orElse(null);
            if (args.value("balance").isPresent()) {
                proof.verify(ref, account, args.longValue("balance", 0, 0, Long.MAX_VALUE), args.required("root"), total);
            } else {
                proof.verify(ref, account, args.required("root"), total);
            }
            out.println("OK " + ref.asset() + " snapshot " + ref.snapshot() + " account " + proof.account()
                    + " balance " + proof.value() + " included in root " + proof.rootHash() + " (total "
                    + proof.total() + ")");
            return OK;
        } catch (ProofException e) {
            out.println("FAILED " + e.getMessage());
            return FAILED;
        }
    }
}
