package io.skyx.node.api;

import tools.jackson.databind.JsonNode;

/**
 * A handler's answer: an HTTP status and a JSON body (a JSON string for Skycoin's plain-text errors).
 *
 * @param status HTTP status code
 * @param body   the JSON body
 */
public record ApiResponse(int status, JsonNode body) {
    public ApiResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("bad HTTP status " + status);
        }
        java.util.Objects.requireNonNull(body, "body");
    }
}
