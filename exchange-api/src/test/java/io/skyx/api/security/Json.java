package io.skyx.api.security;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON parsing for tests. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static JsonNode parse(String json) {
        return MAPPER.readTree(json);
    }

    /** The {@code error.code} of an error body. */
    static String errorCode(String json) {
        return parse(json).path("error").path("code").asString();
    }
}
