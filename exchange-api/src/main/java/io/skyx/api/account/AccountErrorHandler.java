package io.skyx.api.account;

import io.skyx.api.web.ErrorWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders {@link AccountException} in the project's one error shape, with the code's status. */
@RestControllerAdvice(basePackageClasses = AccountErrorHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountErrorHandler {

    @ExceptionHandler(AccountException.class)
    ResponseEntity<String> account(AccountException e) {
        return ResponseEntity.status(e.code().status()).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorWriter.json(e.code().name(), e.getMessage(), e.field()));
    }
}
