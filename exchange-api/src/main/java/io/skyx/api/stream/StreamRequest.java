package io.skyx.api.stream;

import tools.jackson.databind.JsonNode;

/**
 * A client's subscribe / unsubscribe / ping, checked. {@code since}/{@code idx} must be non-negative integers
 * that fit a long / an int; anything else is refused with an error and changes no subscription.
 */
record StreamRequest(String op, String channel, String market, Msg.Pos since, String error) {

    static StreamRequest parse(JsonNode msg) {
        String op = msg.path("op").asString("");
        String channel = msg.path("channel").asString("");
        String market = msg.path("market").isString() ? msg.path("market").asString() : null;
        JsonNode since = msg.path("since");
        JsonNode idx = msg.path("idx");
        if (since.isMissingNode() || since.isNull()) {
            if (!idx.isMissingNode() && !idx.isNull()) {
                return refused(op, channel, "'idx' needs 'since'");
            }
            return new StreamRequest(op, channel, market, null, null);
        }
        if (!since.isIntegralNumber() || !since.canConvertToLong() || since.asLong() < 0) {
            return refused(op, channel, "'since' must be a non-negative integer (a sequence number)");
        }
        int i = Integer.MAX_VALUE;
        if (!idx.isMissingNode() && !idx.isNull()) {
            if (!idx.isIntegralNumber() || !idx.canConvertToInt() || idx.asInt() < 0) {
                return refused(op, channel, "'idx' must be a non-negative integer");
            }
            i = idx.asInt();
        }
        return new StreamRequest(op, channel, market, new Msg.Pos(since.asLong(), i), null);
    }

    private static StreamRequest refused(String op, String channel, String error) {
        return new StreamRequest(op, channel, null, null, error);
    }
}
