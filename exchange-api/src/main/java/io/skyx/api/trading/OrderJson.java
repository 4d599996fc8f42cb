package io.skyx.api.trading;

import java.time.Instant;

/**
 * An order as the API shows it (CCXT's order structure, amounts as decimal strings).
 *
 * @param id            order id
 * @param clientOrderId the client's id, if given
 * @param market        market id, e.g. "SKY-BTC"
 * @param side          "buy" or "sell"
 * @param type          "limit" or "market"
 * @param timeInForce   GTC, IOC, FOK or PO
 * @param price         limit price (quote per base); null for market orders
 * @param amount        ordered base amount (a market buy shows what it filled)
 * @param filled        filled base amount
 * @param remaining     unfilled base amount
 * @param cost          quote amount filled (fees excluded)
 * @param status        open, closed, canceled or rejected
 * @param timestamp     when it was placed
 */
public record OrderJson(String id, String clientOrderId, String market, String side, String type,
                        String timeInForce, String price, String amount, String filled, String remaining,
                        String cost, String status, Instant timestamp) {
}
