package io.skyx.api.custody;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code skyx.custody.cold.*}: hot-wallet targets and cold storage. An asset has a cold side only when its cold
 * keys are configured (BTC: {@code btc.account-key}; SKY: {@code sky.addresses}).
 *
 * @param sweepInterval how often the sweep job runs by itself (0: only on the operator's request)
 * @param btc           BTC: the cold BIP84 account's xpub/zpub and the hot wallet's target (satoshis)
 * @param sky           SKY: the cold addresses and the hot wallet's target (droplets, a multiple of 1000)
 */
@ConfigurationProperties(prefix = "skyx.custody.cold")
public record ColdProperties(Duration sweepInterval, Btc btc, Sky sky) {

    /** Defaults. */
    public ColdProperties {
        sweepInterval = sweepInterval == null ? Duration.ZERO : sweepInterval;
        btc = btc == null ? new Btc(null, 0, 0, 0, 0, 0, null, null) : btc;
        sky = sky == null ? new Sky(null, 0, 0, 0) : sky;
    }

    /**
     * @param accountKey        the cold account's extended public key (never a private key)
     * @param target            satoshis the hot wallet should hold
     * @param sweepAbovePercent sweep when the hot wallet holds more than target × this / 100 (default 150)
     * @param alarmBelowPercent the top-up alarm below target × this / 100 (default 50)
     * @param feeRate           sat/vB of sweeps and top-ups (default 2)
     * @param maxFeeRate        the most sat/vB a signed top-up may pay (default 100)
     * @param fingerprint       the cold master key's BIP32 fingerprint, for PSBT derivations (8 hex)
     * @param accountPath       the cold account's path, default m/84'/0'/0' (mainnet) or m/84'/1'/0'
     */
    public record Btc(String accountKey, long target, int sweepAbovePercent, int alarmBelowPercent, long feeRate,
                      long maxFeeRate, String fingerprint, String accountPath) {
        /** Defaults. */
        public Btc {
            sweepAbovePercent = sweepAbovePercent <= 0 ? 150 : sweepAbovePercent;
            alarmBelowPercent = alarmBelowPercent <= 0 ? 50 : alarmBelowPercent;
            feeRate = feeRate <= 0 ? 2 : feeRate;
            maxFeeRate = maxFeeRate <= 0 ? 100 : maxFeeRate;
        }

        boolean configured() {
            return accountKey != null && !accountKey.isBlank();
        }
    }

    /**
     * @param addresses         the cold SKY addresses (Skycoin has no public key derivation: listed one by one)
     * @param target            droplets the hot wallet should hold
     * @param sweepAbovePercent as for BTC (default 150)
     * @param alarmBelowPercent as for BTC (default 50)
     */
    public record Sky(List<String> addresses, long target, int sweepAbovePercent, int alarmBelowPercent) {
        /** Defaults. */
        public Sky {
            addresses = addresses == null ? List.of() : List.copyOf(addresses);
            sweepAbovePercent = sweepAbovePercent <= 0 ? 150 : sweepAbovePercent;
            alarmBelowPercent = alarmBelowPercent <= 0 ? 50 : alarmBelowPercent;
        }

        boolean configured() {
            return !addresses.isEmpty();
        }
    }
}
