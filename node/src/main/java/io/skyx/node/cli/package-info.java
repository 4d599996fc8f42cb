/**
 * The operator command line of the node's runnable jar ({@code skycoin <subcommand>}):
 * {@link io.skyx.node.cli.Main} dispatches by name to a {@link io.skyx.node.cli.Subcommand}.
 *
 * <pre>
 * java -jar node/target/skyx-node-0.1.0-SNAPSHOT-cli.jar address --seed-hex HEX --count N
 * java -jar node/target/skyx-node-0.1.0-SNAPSHOT-cli.jar address --seed "twelve words …" --count N
 * java -jar node/target/skyx-node-0.1.0-SNAPSHOT-cli.jar address --seed "bip39 words …" --bip44 --count N
 * </pre>
 */
package io.skyx.node.cli;
