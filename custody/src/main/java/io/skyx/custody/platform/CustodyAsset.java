package io.skyx.custody.platform;

/** The coins custody holds, with their smallest units (BTC satoshis, SKY droplets). */
public enum CustodyAsset {
    /** Bitcoin, in satoshis (8 decimals). */
    BTC(8),
    /** Skycoin, in droplets (6 decimals; 3 on chain). */
    SKY(6);

    private final int decimals;

    CustodyAsset(int decimals) {
        this.decimals = decimals;
    }

    /** Decimals of one coin in the smallest unit. */
    public int decimals() {
        return decimals;
    }
}
