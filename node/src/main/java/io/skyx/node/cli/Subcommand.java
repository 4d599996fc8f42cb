package io.skyx.node.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One {@code skycoin <name> …} subcommand. Implementations are registered by name in {@link Main}; they write
 * results to {@code out}, diagnostics to {@code err}, and return the process exit code.
 */
public interface Subcommand {
    /** Exit code for success. */
    int OK = 0;
    /** Exit code for a failed check or operation (for example an invalid block). */
    int FAILED = 1;
    /** Exit code for bad arguments or unreadable input. */
    int USAGE = 2;

    /** @return the usage line(s) printed on {@code --help} and after a usage error, e.g. {@code address --seed-hex HEX …} */
    String usage();

    /**
     * Runs the subcommand.
     *
     * @param args the arguments after the subcommand name
     * @return the exit code ({@link #OK}, {@link #FAILED} or {@link #USAGE})
     * @throws UsageException for bad arguments: {@link Main} prints the message and the usage, and exits with
     *                        {@link #USAGE}
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws UsageException;
}
