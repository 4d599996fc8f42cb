package io.skyx.api.custody;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code skyx.custody.btc.*}: BTC custody (bitcoinj). Off unless {@code enabled}; the local profile turns it on
 * with a bcoin regtest node started by the app ({@code bcoin.enabled}).
 *
 * @param enabled           run BTC custody
 * @param network           mainnet, testnet, signet or regtest
 * @param mnemonic          the hot wallet's BIP39 words (required; deposit addresses derive from them)
 * @param passphrase        BIP39 passphrase
 * @param seedBirth         when the seed was created (ISO-8601); earlier blocks are not scanned
 * @param peers             HOST:PORT Bitcoin P2P peers (ignored when bcoin is started by the app)
 * @param confirmations     depth for crediting deposits and completing withdrawals
 * @param feeRate           withdrawal fee rate (sat/vB) when there is no estimate (bcoin's, on regtest)
 * @param minFeeRate        lowest fee rate (sat/vB) charged and paid by a withdrawal
 * @param maxFeeRate        highest fee rate (sat/vB) charged, whatever the estimate
 * @param minimumWithdrawal smallest withdrawal in satoshis
 * @param poll              watcher and pipeline interval
 * @param syncTimeout       longest first chain download
 * @param bcoin             the regtest node the app starts (local profile)
 * @param localFunding      local profile with bcoin: satoshis the regtest miner pays the hot wallet's own
 *                          (operator, non-deposit) address at start, the float that pays anchor fees (0: none)
 * @param feeEstimate       the node asked for a fee estimate (estimatesmartfee)
 */
@ConfigurationProperties(prefix = "skyx.custody.btc")
public record CustodyProperties(boolean enabled, String network, String mnemonic, String passphrase, Instant seedBirth,
                                List<String> peers, int confirmations, long feeRate, long minFeeRate,
                                long maxFeeRate, long minimumWithdrawal, Duration poll, Duration syncTimeout, Bcoin bcoin,
                                long localFunding, FeeEstimate feeEstimate) {

    /** Defaults. */
    public CustodyProperties {
        network = network == null || network.isBlank() ? "regtest" : network;
        passphrase = passphrase == null ? "" : passphrase;
        seedBirth = seedBirth == null ? Instant.parse("2020-01-01T00:00:00Z") : seedBirth;
        peers = peers == null ? List.of() : List.copyOf(peers);
        confirmations = confirmations <= 0 ? 6 : confirmations;
        feeRate = feeRate <= 0 ? 10 : feeRate;
        minFeeRate = minFeeRate <= 0 ? 1 : minFeeRate;
        maxFeeRate = maxFeeRate <= 0 ? 200 : maxFeeRate;
        minimumWithdrawal = minimumWithdrawal <= 0 ? 10_000 : minimumWithdrawal;
        poll = poll == null ? Duration.ofSeconds(1) : poll;
        syncTimeout = syncTimeout == null ? Duration.ofMinutes(5) : syncTimeout;
        bcoin = bcoin == null ? new Bcoin(false, null, null, null, null) : bcoin;
        feeEstimate = feeEstimate == null ? new FeeEstimate(null, null, null, 0, null, null) : feeEstimate;
    }

    /**
     * The fee-rate estimate: a Bitcoin Core compatible JSON-RPC {@code estimatesmartfee}. Without {@code url}, bcoin's
     * when the app runs it, else none (the configured {@code fee-rate}).
     *
     * @param url          the node's JSON-RPC endpoint, e.g. http://127.0.0.1:8332/
     * @param user         RPC user
     * @param password     RPC password
     * @param targetBlocks confirmation target (default 6)
     * @param timeout      connect and answer timeout (default 3 s)
     * @param cacheFor     how long an answer or a failure is reused (default 30 s)
     */
    public record FeeEstimate(String url, String user, String password, int targetBlocks, Duration timeout,
                              Duration cacheFor) {
        /**
         * Defaults for what is unset (a target of 0 is unset); a negative target or time, or a URL that is not
         * http(s), is refused naming the setting.
         */
        public FeeEstimate {
            String p = "skyx.custody.btc.fee-estimate.";
            if (url != null && !url.isBlank() && !url.matches("(?i)https?://[^\\s/]+(/\\S*)?")) {
                throw new IllegalArgumentException(p + "url must be an http(s) URL of the node's JSON-RPC, got '" + url
                        + "'");
            }
            if (targetBlocks < 0) {
                throw new IllegalArgumentException(p + "target-blocks must be at least 1, got " + targetBlocks);
            }
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException(p + "timeout must be positive, got " + timeout);
            }
            if (cacheFor != null && cacheFor.isNegative()) {
                throw new IllegalArgumentException(p + "cache-for must not be negative, got " + cacheFor);
            }
            user = user == null ? "" : user;
            password = password == null ? "" : password;
            targetBlocks = targetBlocks == 0 ? 6 : targetBlocks;
            timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
            cacheFor = cacheFor == null ? Duration.ofSeconds(30) : cacheFor;
        }

        /** Does not show the password. */
        @Override
        public String toString() {
            return "FeeEstimate[url=" + url + ", targetBlocks=" + targetBlocks + "]";
        }
    }

    /**
     * @param enabled start a bcoin regtest node on loopback and use it as the only peer (network must be regtest)
     * @param dir     the directory with bcoin's npm install (custody/bcoin, installed by the build)
     * @param node    the node.js executable
     * @param dataDir where bcoin writes its log (its chain is in memory)
     * @param attach  use a bcoin regtest node another process already runs on loopback instead of starting one
     *                (when {@code attach.p2p-port} is set; the crash tests keep the chain alive across a kill -9 so)
     */
    public record Bcoin(boolean enabled, String dir, String node, String dataDir, Attach attach) {
        /** Defaults. */
        public Bcoin {
            dir = dir == null || dir.isBlank() ? "custody/bcoin" : dir;
            node = node == null || node.isBlank() ? "node" : node;
            dataDir = dataDir == null || dataDir.isBlank() ? "./data/bcoin" : dataDir;
            attach = attach == null ? new Attach(0, 0, 0, null) : attach;
        }
    }

    /**
     * A running bcoin regtest node on 127.0.0.1.
     *
     * @param p2pPort    its P2P port (0: start a node of our own)
     * @param rpcPort    its node HTTP (JSON-RPC) port
     * @param walletPort its wallet HTTP port
     * @param apiKey     its API key
     */
    public record Attach(int p2pPort, int rpcPort, int walletPort, String apiKey) {
        /** Does not show the API key. */
        @Override
        public String toString() {
            return "Attach[p2p=" + p2pPort + ", rpc=" + rpcPort + "]";
        }
    }
}
