package io.skyx.api.security;

import io.skyx.api.web.ErrorWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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

    /** The JSON body, written by the project's one error writer. */
    String json() {
        return ErrorWriter.json(code, message, field);
    }

    /** As a controller's response. */
    ResponseEntity<String> toResponse() {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json());
    }

    /** Writes it to a servlet response (from a filter or an entry point). */
    void write(HttpServletResponse response) throws IOException {
        ErrorWriter.write(response, status.value(), json());
    }
}
