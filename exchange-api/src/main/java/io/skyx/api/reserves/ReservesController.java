package io.skyx.api.reserves;

import io.skyx.api.market.MarketCatalog;
import io.skyx.api.security.OperatorAudit;
import io.skyx.api.security.SkyxUser;
import io.skyx.api.web.Acks;
import io.skyx.api.web.ApiException;
import io.skyx.api.web.ErrorCode;
import io.skyx.custody.sky.SkyAnchor;
import io.skyx.node.reserves.InclusionProof;
import io.skyx.node.reserves.ProofException;
import io.skyx.node.reserves.ProofJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
    private final ReserveProofs reserves;
    private final ReserveAnchors anchors;
    private final ChainReserves chains;
    private final SolvencyMonitor solvency;
    private final MarketCatalog catalog;
    private final OperatorAudit audit;

    ReservesController(LiabilitySnapshots snapshots, ReserveProofs reserves, ReserveAnchors anchors,
                       ChainReserves chains, SolvencyMonitor solvency, MarketCatalog catalog, OperatorAudit audit) {
        this.snapshots = snapshots;
        this.reserves = reserves;
        this.anchors = anchors;
        this.chains = chains;
        this.solvency = solvency;
        this.audit = audit;
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/reserves")
    @Operation(summary = "Published snapshots, newest first, with their reserves and anchors, and solvency now (public)",
            description = "Each root commits every user's balance of one asset at a journal sequence number; a user "
                    + "checks their part with their inclusion proof. Each snapshot's reserves list every reserve "
                    + "address with its balance at the block named and its signature over the challenge; the anchor "
                    + "is the BTC transaction whose OP_RETURN carries the roots; skyAnchor the SKY transaction paying a "
                    + "minimal output to the address derived from the same payload (docs/proof-of-reserves.md).")
    Map<String, Object> published(@RequestParam(required = false) Integer limit) {
        List<LiabilitySnapshots.Published> roots = snapshots.list(Acks.limit(limit, 20, 500));
        long after = roots.stream().mapToLong(LiabilitySnapshots.Published::snapshot).min().orElse(1) - 1;
        Map<String, ReserveProofs.Proven> proven = reserves.since(after);
        Map<String, ReserveAnchors.Anchor> anchored = anchors.since(after);
        List<Map<String, Object>> out = new ArrayList<>();
        for (LiabilitySnapshots.Published p : roots) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("snapshot", p.snapshot());
            m.put("asset", p.asset());
            m.put("journalSeq", p.journalSeq());
            m.put("blockHeight", p.blockHeight());
            m.put("root", p.root());
            m.put("total", p.total());
            m.put("accounts", p.accounts());
            m.put("createdAt", p.createdAt());
            ReserveProofs.Proven r = proven.get(p.snapshot() + ":" + p.asset());
            m.put("reserves", r == null ? null : reservesJson(r));
            ReserveAnchors.Anchor a = anchored.get(p.snapshot() + ":BTC");
            m.put("anchor", a == null ? null : anchorJson(a));
            ReserveAnchors.Anchor sky = anchored.get(p.snapshot() + ":SKY");
            m.put("skyAnchor", sky == null ? null : anchorJson(sky));
            out.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("snapshots", out);
        body.put("solvency", status().get("assets"));
        return body;
    }

    @GetMapping("/api/v1/reserves/status")
    @Operation(summary = "Solvency now, per asset (public): reserves on chain against what users are owed",
            description = "state SOLVENT, BELOW (the alarm) or ABSENT (no wallet for the asset: no reserves shown). "
                    + "Amounts are decimal strings of base units; ratioBp is basis points (10000 = 100 %).")
    Map<String, Object> status() {
        List<Map<String, Object>> assets = new ArrayList<>();
        for (SolvencyMonitor.Status s : solvency.statuses()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("asset", s.asset());
            m.put("state", s.state().name());
            m.put("blockHeight", s.blockHeight());
            m.put("blockHash", s.blockHash());
            m.put("reserves", text(s.reserves()));
            m.put("hot", text(s.hot()));
            m.put("cold", text(s.cold()));
            m.put("unprovenCold", text(s.unprovenCold()));
            m.put("liabilities", text(s.liabilities()));
            m.put("pendingWithdrawals", text(s.pendingWithdrawals()));
            m.put("withdrawalsMined", text(s.withdrawalsMined()));
            m.put("ratioBp", s.ratioBp());
            m.put("ratio", Coverage.percent(s.ratioBp()));
            m.put("at", s.at());
            assets.add(m);
        }
        return Map.of("assets", assets);
    }

    private static String text(java.math.BigInteger v) {
        return v == null ? null : v.toString();
    }

    private static Map<String, Object> reservesJson(ReserveProofs.Proven r) {
        Coverage c = r.coverage();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blockHeight", r.blockHeight());
        m.put("blockHash", r.blockHash());
        m.put("nonce", r.nonce());
        m.put("challenge", r.challenge());
        m.put("hot", c.hot().toString());
        m.put("cold", c.cold().toString());
        m.put("reserves", c.reserves().toString());
        m.put("liabilities", c.liabilities().toString());
        m.put("pendingWithdrawals", c.pendingWithdrawals().toString());
        m.put("withdrawalsMined", c.withdrawalsMined().toString());
        m.put("ratioBp", c.ratioBp());
        m.put("ratio", Coverage.percent(c.ratioBp()));
        m.put("solvent", c.solvent());
        List<Map<String, Object>> addresses = new ArrayList<>();
        for (ReserveProofs.AddressProof a : r.addresses()) {
            addresses.add(Map.of("address", a.address(), "kind", a.kind(), "balance", Long.toString(a.balance()),
                    "signature", a.signature()));
        }
        m.put("addresses", addresses);
        List<Map<String, Object>> cold = new ArrayList<>();
        for (ColdProofs.Claim claim : r.cold()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("address", claim.address());
            x.put("kind", "COLD");
            x.put("balance", Long.toString(claim.balance()));
            x.put("proven", claim.proven());
            x.put("signature", claim.signature());
            cold.add(x);
        }
        m.put("coldAddresses", cold);
        return m;
    }

    private Map<String, Object> anchorJson(ReserveAnchors.Anchor a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chain", a.chain());
        m.put("txid", a.txid());
        m.put("payload", a.payload());
        if (a.chain().equals("SKY")) {
            m.put("address", SkyAnchor.address(HexFormat.of().parseHex(a.payload())).toString());
            m.put("droplets", Long.toString(SkyAnchor.DROPLETS));
        }
        m.put("confirmations", chains.anchor(a.chain()).map(c -> c.confirmations(a.txid())).orElse(null));
        return m;
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
        List<LiabilitySnapshots.Published> taken;
        try {
            taken = snapshots.take();
        } catch (ProofException e) {
            throw new ApiException(ErrorCode.UNAVAILABLE, "the reserves could not be proven, nothing was published: "
                    + e.error() + ": " + e.getMessage());
        }
        audit.record(operator, "reserves.snapshot", "snapshot " + taken.getFirst().snapshot());
        return taken;
    }
}
