package io.skyx.custody.sky;

import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.reserve.ChainAnchor;
import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.Ripemd160;
import io.skyx.node.cipher.SHA256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The SKY anchor of a proof-of-reserves snapshot. Skycoin has no data field, so the payload is committed by a
 * minimal output ({@link #DROPLETS} droplets, 1 coin hour) from the hot wallet to the address derived from it: version
 * 0, hash = the first 20 bytes of SHA-256("SKYX-anchor" ‖ payload). Nobody holds that address's key (the output is
 * burnt), and anyone can recompute the address from the payload and find the output on chain. Sent on the custody
 * thread, so it never picks the outputs of a withdrawal batch being signed.
 */
public final class SkyAnchor implements ChainAnchor {

    /** The anchor output's coins: 0.001 SKY, the smallest amount a Skycoin output may carry. */
    public static final long DROPLETS = SkyTransactions.DROPLET_STEP;
    private static final byte[] DOMAIN = "SKYX-anchor".getBytes(StandardCharsets.US_ASCII);

    private final SkyWallet wallet;
    private final Executor custodyThread;

    SkyAnchor(SkyWallet wallet, Executor custodyThread) {
        this.wallet = wallet;
        this.custodyThread = custodyThread;
    }

    /** The address that commits {@code payload}: version 0, hash = SHA-256("SKYX-anchor" ‖ payload)[0..20). */
    public static Address address(byte[] payload) {
        if (payload.length == 0) {
            throw new IllegalArgumentException("an anchor commits a non-empty payload");
        }
        byte[] data = Arrays.copyOf(DOMAIN, DOMAIN.length + payload.length);
        System.arraycopy(payload, 0, data, DOMAIN.length, payload.length);
        return Address.of(0, Arrays.copyOf(SHA256.sum(data).bytes(), Ripemd160.SIZE));
    }

    @Override
    public CustodyAsset asset() {
        return CustodyAsset.SKY;
    }

    @Override
    public String publish(byte[] payload) {
        Address to = address(payload);
        try {
            return CompletableFuture.supplyAsync(() -> wallet.payMinimal(to, DROPLETS), custodyThread).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public int confirmations(String txid) {
        return wallet.confirmations(txid);
    }
}
