package io.skyx.node.api;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A handler's answer: an HTTP status and a JSON body, or Skycoin's plain-text error ({@code http.Error}: the text,
 * a newline, {@code text/plain; charset=utf-8}).
 *
 * @param status    HTTP status code
 * @param body      the JSON body (for a plain-text answer: a JSON string holding the text)
 * @param plainText whether the body is sent as plain text
 * @param textType  the Content-Type of a plain-text answer (default {@code text/plain; charset=utf-8})
 */
public record ApiResponse(int status, JsonNode body, boolean plainText, String textType) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ApiResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("bad HTTP status " + status);
        }
        Objects.requireNonNull(body, "body");
        textType = textType == null ? "text/plain; charset=utf-8" : textType;
    }

    /** A JSON answer, or a plain-text one of the default type. */
    public ApiResponse(int status, JsonNode body, boolean plainText) {
        this(status, body, plainText, null);
    }

    /** A JSON answer. */
    public ApiResponse(int status, JsonNode body) {
        this(status, body, false);
    }

    /** @return the Content-Type header value */
    public String contentType() {
        return plainText ? textType : "application/json";
    }

    /** @return the body bytes as Skycoin writes them (JSON indented by four spaces, or the text and a newline) */
    public byte[] bytes() {
        if (plainText) {
            return (body.asString() + "\n").getBytes(StandardCharsets.UTF_8);
        }
        return GoJson.indent(JSON, body).getBytes(StandardCharsets.UTF_8);
    }
}
