package io.skyx.api.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An error of the security package in the project's one error shape:
 * {@code {"error":{"code":"…","message":"…","field":"…"}}} ({@code field} only when one field is at fault).
 * Messages never contain secrets, passwords or signatures.
 */
record SecurityError(HttpStatus status, String code, String message, String field) {

    SecurityError {
        if (status == null || code == null || code.isBlank() || message == null || message.isBlank()) {
            throw new IllegalArgumentException("status, code and message are required");
        }
    }

    static SecurityError of(HttpStatus status, String code, String message) {
        return new SecurityError(status, code, message, null);
    }

    static SecurityError ofField(HttpStatus status, String code, String message, String field) {
        return new SecurityError(status, code, message, field);
    }

    /** The JSON body. */
    String json() {
        StringBuilder sb = new StringBuilder(96).append("{\"error\":{\"code\":");
        quote(sb, code);
        sb.append(",\"message\":");
        quote(sb, message);
        if (field != null) {
            sb.append(",\"field\":");
            quote(sb, field);
        }
        return sb.append("}}").toString();
    }

    /** As a controller's response. */
    ResponseEntity<String> toResponse() {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json());
    }

    /** Writes it to a servlet response (from a filter or an entry point). */
    void write(HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json());
        response.getWriter().flush();
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
