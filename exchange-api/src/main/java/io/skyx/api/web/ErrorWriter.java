package io.skyx.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/**
 * The single writer of the project's one error shape {@code {"error":{"code","message"[,"field"]}}}, used by the
 * web errors and the security errors alike (filters run outside Spring MVC, so they write the response directly).
 */
public final class ErrorWriter {

    private ErrorWriter() {
    }

    /** Writes {@code {"error":{"code","message"[,"field"]}}} with the code's status, unless already committed. */
    public static void write(HttpServletResponse response, ErrorCode code, String message, String field)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        write(response, code.status().value(), json(code.name(), message, field));
    }

    /** Writes an already built error body with the given status, unless the response is already committed. */
    public static void write(HttpServletResponse response, int status, String json) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json);
        response.getWriter().flush();
    }

    /** The JSON body; {@code field} is left out when null. */
    public static String json(String code, String message, String field) {
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

    /** Appends {@code s} as a JSON string literal. */
    public static void quote(StringBuilder sb, String s) {
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
