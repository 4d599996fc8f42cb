package io.skyx.custody.deposit;

/**
 * What a chain watcher sees of one output paying a deposit address now.
 *
 * @param confirmations depth of its block on the best chain; 0 when unconfirmed or no longer on it
 */
public record Observation(String txid, int vout, String address, long amount, int confirmations) {
}
