package io.skyx.node.api;

import io.skyx.node.coin.UxOut;

/** Coin hours of an output at a block time, as the API shows them (0 when the calculation overflows). */
final class ApiHours {
    private ApiHours() {
    }

    static long at(UxOut ux, long time) {
        var r = ux.coinHours(time);
        return r.ok() ? r.hours() : 0;
    }
}
