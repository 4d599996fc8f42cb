package io.skyx.node.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Query (and form-body) parameters of one request. */
final class Params {
    private final Map<String, String> values = new LinkedHashMap<>();

    Params(String rawQuery, String formBody) {
        parse(rawQuery);
        parse(formBody);
    }

    private void parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(k, v);
        }
    }

    Optional<String> get(String key) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** A comma-separated list, empty elements dropped. */
    List<String> list(String key) {
        List<String> out = new ArrayList<>();
        get(key).ifPresent(v -> {
            for (String s : v.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        });
        return out;
    }

    /** Skycoin's boolean parameters: 1/true/0/false; absent is false. */
    boolean flag(String key) throws ApiError {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return false;
        }
        return switch (v.get()) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw ApiError.badRequest("Invalid value for " + key);
        };
    }

    /** An unsigned decimal parameter. */
    Optional<Long> u64(String key) throws ApiError {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseUnsignedLong(v.get()));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("Invalid " + key + " value \"" + v.get() + "\"");
        }
    }
}
