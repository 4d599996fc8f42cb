package io.skyx.api.security;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator audit view: {@code GET /api/v1/admin/audit?limit=} (operator role, like every admin endpoint). */
@RestController
class AuditController {

    private final OperatorAudit audit;

    AuditController(OperatorAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/admin/audit")
    ResponseEntity<?> audit(@RequestParam(required = false) Integer limit) {
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > 1000) {
            return SecurityError.ofField(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "'limit' must be in 1..1000", "limit")
                    .toResponse();
        }
        List<OperatorAudit.Entry> entries = audit.recent(n);
        return ResponseEntity.ok(entries);
    }
}
