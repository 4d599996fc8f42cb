package io.skyx.api.reserves;

import io.skyx.api.security.OperatorAudit;
import io.skyx.api.security.SkyxUser;
import io.skyx.api.web.ErrorWriter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators: the cold reserve addresses' offline proofs (export the latest challenge, import each signature). */
@RestController
@Tag(name = "reserves")
class ColdReservesController {

    private final ColdProofs cold;
    private final OperatorAudit audit;

    ColdReservesController(ColdProofs cold, OperatorAudit audit) {
        this.cold = cold;
        this.audit = audit;
    }

    /** An offline signature of one cold address. */
    record SignatureRequest(String asset, Long snapshot, String address, String signature) {
    }

    @GetMapping("/api/v1/admin/reserves/cold-challenge")
    @Operation(summary = "Operators: the latest snapshot's challenge for an asset and its cold addresses (balance "
            + "at the snapshot's block, proven or not), to sign offline with each cold key")
    Map<String, Object> challenge(@RequestParam String asset) {
        ColdProofs.Challenge c = cold.challenge(asset);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("snapshot", c.snapshot());
        m.put("asset", c.asset());
        m.put("challenge", c.text());
        m.put("format", asset.equals("BTC") ? "Bitcoin signed message (BIP-137, base64) of the challenge text"
                : "Skycoin recoverable signature (hex) of SHA-256 of the challenge text");
        m.put("addresses", claims(c.addresses()));
        return m;
    }

    @PostMapping("/api/v1/admin/reserves/cold-signatures")
    @Operation(summary = "Operators: import one cold address's offline signature over the latest snapshot's "
            + "challenge; checked before it is published; a stale, foreign or malformed signature is refused")
    Map<String, Object> prove(@AuthenticationPrincipal SkyxUser operator, @RequestBody(required = false) SignatureRequest body) {
        if (body == null || body.asset() == null || body.snapshot() == null || body.address() == null) {
            throw new ColdProofs.Refused("MISSING_FIELD", 400, "a body {asset, snapshot, address, signature} is required");
        }
        ColdProofs.Claim c = cold.prove(body.asset(), body.snapshot(), body.address(), body.signature());
        audit.record(operator, "reserves.cold-signature", body.asset() + " snapshot " + body.snapshot() + " "
                + body.address());
        return claims(List.of(c)).getFirst();
    }

    @ExceptionHandler(ColdProofs.Refused.class)
    ResponseEntity<String> refused(ColdProofs.Refused e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorWriter.json(e.code(), e.getMessage(), null));
    }

    private static List<Map<String, Object>> claims(List<ColdProofs.Claim> claims) {
        return claims.stream().map(c -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("address", c.address());
            x.put("balance", Long.toString(c.balance()));
            x.put("proven", c.proven());
            x.put("signature", c.signature());
            return x;
        }).toList();
    }
}
