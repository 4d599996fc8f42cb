package io.skyx.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/** Writes the one error shape straight to a servlet response (for filters, which run outside Spring MVC). */
public final class ErrorWriter {

    private ErrorWriter() {
    }

    /** Writes {@code {"error":{"code","message"[,"field"]}}} with the code's status, unless already committed. */
    public static void write(HttpServletResponse response, ErrorCode code, String message, String field)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(code.name(), message, field));
        response.getWriter().flush();
    }

    static String json(String code, String message, String field) {
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

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
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
