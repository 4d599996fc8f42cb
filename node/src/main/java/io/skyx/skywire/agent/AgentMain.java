package io.skyx.skywire.agent;

import io.skyx.node.cli.Subcommand;
import io.skyx.node.cli.UsageException;
import java.util.Arrays;

/**
 * Entry point of the relay agent in the node module's runnable jar:
 * {@code java -cp skyx-node-<version>-cli.jar io.skyx.skywire.agent.AgentMain <keygen|run|simulate> [options]}.
 * (A main of its own rather than a {@code skycoin} subcommand, so that the node's CLI does not depend on this
 * package.) Exit codes as the {@code skycoin} CLI: 0 success, 1 failure, 2 bad usage.
 */
public final class AgentMain {
    private AgentMain() {
    }

    public static void main(String[] args) {
        AgentCommand command = new AgentCommand();
        int code;
        try {
            code = command.run(Arrays.asList(args), System.out, System.err);
        } catch (UsageException e) {
            System.err.println("skywire-agent: " + e.getMessage());
            System.err.println("usage: " + command.usage());
            code = Subcommand.USAGE;
        }
        System.out.flush();
        System.exit(code);
    }
}
