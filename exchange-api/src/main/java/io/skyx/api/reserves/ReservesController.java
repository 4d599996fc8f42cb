package io.skyx.api.reserves;

import io.skyx.api.market.MarketCatalog;
import io.skyx.api.security.OperatorAudit;
import io.skyx.api.security.SkyxUser;
import io.skyx.api.web.Acks;
import io.skyx.api.web.ApiException;
import io.skyx.api.web.ErrorCode;
import io.skyx.node.reserves.InclusionProof;
import io.skyx.node.reserves.ProofJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Published liabilities roots (public), a user's inclusion proof, and the operator's "snapshot now". */
@RestController
@Tag(name = "reserves")
class ReservesController {

    private final LiabilitySnapshots snapshots;
    private final MarketCatalog catalog;
    private final OperatorAudit audit;

    ReservesController(LiabilitySnapshots snapshots, MarketCatalog catalog, OperatorAudit audit) {
        this.snapshots = snapshots;
        this.audit = audit;
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/reserves")
    @Operation(summary = "Published liabilities roots, newest first (public)",
            description = "Each root commits every user's balance of one asset at a journal sequence number; a user "
                    + "checks their part with their inclusion proof (docs/proof-of-reserves.md).")
    Map<String, Object> published(@RequestParam(required = false) Integer limit) {
        return Map.of("snapshots", snapshots.list(Acks.limit(limit, 20, 500)));
    }

    @GetMapping(value = "/api/v1/reserves/proof", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The signed-in user's inclusion proof for one asset of one snapshot (the proof file)")
    ResponseEntity<String> proof(@AuthenticationPrincipal SkyxUser user, @RequestParam String asset,
                                 @RequestParam long snapshot) {
        long userId = Acks.userId(user);
        String code = catalog.asset(asset, "asset").code();
        if (snapshot < 1) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "snapshot must be a positive integer", "snapshot");
        }
        InclusionProof proof = snapshots.proof(userId, code, snapshot);
        if (proof == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "no balance of yours in " + code + " snapshot " + snapshot);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ProofJson.write(proof));
    }

    @PostMapping("/api/v1/admin/reserves/snapshots")
    @Operation(summary = "Operators: take a liabilities snapshot now and publish its roots")
    List<LiabilitySnapshots.Published> take(@AuthenticationPrincipal SkyxUser operator) {
        List<LiabilitySnapshots.Published> taken = snapshots.take();
        audit.record(operator, "reserves.snapshot", "snapshot " + taken.getFirst().snapshot());
        return taken;
    }
}
