package io.skyx.api.trading;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * createOrder's body. Amounts and prices are decimal strings.
 *
 * @param market        market id, e.g. "SKY-BTC"
 * @param side          "buy" or "sell"
 * @param type          "limit" or "market"
 * @param price         limit price, quote per one base (limit orders only)
 * @param amount        base amount (limit orders and market sells)
 * @param cost          quote amount to spend, fees included (market buys only)
 * @param timeInForce   GTC (default), IOC, FOK or PO (post-only); limit orders only
 * @param clientOrderId the client's own id (1-36 of A-Z a-z 0-9 _ -): a repeat returns the original order
 */
@Schema(description = "A new order")
public record CreateOrderRequest(
        @Schema(example = "SKY-BTC", requiredMode = Schema.RequiredMode.REQUIRED) String market,
        @Schema(allowableValues = {"buy", "sell"}, requiredMode = Schema.RequiredMode.REQUIRED) String side,
        @Schema(allowableValues = {"limit", "market"}, requiredMode = Schema.RequiredMode.REQUIRED) String type,
        @Schema(example = "0.0000005") String price,
        @Schema(example = "10") String amount,
        @Schema(example = "0.0001", description = "market buy: quote to spend, fees included") String cost,
        @Schema(allowableValues = {"GTC", "IOC", "FOK", "PO"}) String timeInForce,
        @Schema(example = "my-order-1") String clientOrderId) {
}
