package io.skyx.api.custody;

import io.skyx.api.security.OperatorAudit;
import io.skyx.api.security.SkyxUser;
import io.skyx.api.web.Acks;
import io.skyx.api.web.ErrorWriter;
import io.skyx.custody.AssetCustody;
import io.skyx.custody.CustodyException;
import io.skyx.custody.cold.ColdDesk;
import io.skyx.custody.cold.ColdTransfer;
import io.skyx.custody.cold.Sweeper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators: hot and cold wallets. The view (balances, target and band, latest sweeps, pending PSBTs), a sweep of
 * the hot wallet's excess to cold, and BTC top-ups from cold by PSBT (export unsigned, import signed). All under
 * {@code /api/v1/admin/} (operator role); every action is in the audit log.
 */
@RestController
@Tag(name = "operators")
class ColdWalletController {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Map<String, ColdDesk> desks = new LinkedHashMap<>();
    private final OperatorAudit audit;

    ColdWalletController(ObjectProvider<AssetCustody> custodies, OperatorAudit audit) {
        custodies.orderedStream().forEach(c -> c.coldDesk().ifPresent(d -> desks.put(c.asset().name(), d)));
        this.audit = audit;
    }

    /** A top-up request. */
    record TopUpRequest(String amount) {
    }

    /** The offline signer's answer: BTC a signed PSBT; SKY the signatures, one per input, or the signed transaction. */
    record SignedRequest(String psbt, String signed) {
    }

    @GetMapping("/api/v1/admin/cold")
    @Operation(summary = "Operators: hot and cold balances per asset, the hot wallet's target and band, the latest "
            + "sweeps and top-ups (pending PSBTs included)")
    Map<String, Object> view(@RequestParam(required = false) Integer limit) {
        List<Map<String, Object>> assets = new ArrayList<>();
        for (ColdDesk d : desks.values()) {
            Sweeper.View v = d.view(Acks.limit(limit, 20, 200));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("asset", v.asset().name());
            m.put("hot", amount(v.hot(), d));
            m.put("cold", amount(v.cold(), d));
            m.put("target", amount(v.target().target(), d));
            m.put("sweepAbove", amount(v.target().sweepAbove(), d));
            m.put("topUpBelow", amount(v.target().alarmBelow(), d));
            m.put("low", v.low());
            m.put("excess", amount(v.target().excess(v.hot()), d));
            m.put("coldAddresses", v.coldAddresses());
            m.put("transfers", v.latest().stream().map(t -> transfer(t, d)).toList());
            assets.add(m);
        }
        return Map.of("assets", assets);
    }

    @PostMapping("/api/v1/admin/cold/{asset}/sweeps")
    @Operation(summary = "Operators: sweep the hot wallet's excess over its target to the next cold address now; "
            + "a repeated Idempotency-Key (or requestId) returns the stored sweep and sends nothing")
    Map<String, Object> sweep(@AuthenticationPrincipal SkyxUser operator, @PathVariable String asset,
                              @RequestHeader(name = "Idempotency-Key", required = false) String key,
                              @RequestParam(required = false) String requestId) {
        ColdDesk d = desk(asset);
        Sweeper.Report r = d.sweep(requestId(key != null ? key : requestId));
        if (!r.outcome().equals("REPEATED")) {
            audit.record(operator, "cold.sweep", asset + " " + r.outcome()
                    + (r.transfer() != null && r.outcome().equals("SENT") ? " " + r.transfer().txid() : ""));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", r.outcome());
        m.put("hotBefore", amount(r.hotBalance(), d));
        m.put("target", amount(r.target(), d));
        m.put("sweepAbove", amount(r.sweepAbove(), d));
        m.put("reason", r.reason());
        m.put("transfer", r.transfer() == null ? null : transfer(r.transfer(), d));
        return m;
    }

    @PostMapping("/api/v1/admin/cold/{asset}/topups")
    @Operation(summary = "Operators: export an unsigned top-up from cold to the hot wallet (BTC: a PSBT, base64, "
            + "spending confirmed cold outputs to the hot wallet's operator address; SKY: an unsigned transaction from "
            + "the cold addresses to the hot address with a signing sheet, in the psbt field); amount defaults to what "
            + "the hot wallet lacks for its target")
    Map<String, Object> exportTopUp(@AuthenticationPrincipal SkyxUser operator, @PathVariable String asset,
                                    @RequestBody(required = false) TopUpRequest body,
                                    @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                    @RequestParam(required = false) String requestId) {
        ColdDesk d = desk(asset);
        Long units = body == null || body.amount() == null ? null
                : io.skyx.custody.Amounts.parse(body.amount(), d.asset(), "amount");
        ColdTransfer t = d.exportTopUp(requestId(key != null ? key : requestId), units);
        audit.record(operator, "cold.topup.export", asset + " " + t.id() + " " + t.amount());
        return transfer(t, d);
    }

    @PostMapping("/api/v1/admin/cold/{asset}/topups/{id}/signed")
    @Operation(summary = "Operators: import the offline-signed form of an exported top-up (BTC: the PSBT; SKY: the "
            + "signatures in input order, or the signed transaction); it must be the exported transaction, validly "
            + "signed by the cold keys (BTC: its fee within bounds), else it is refused and nothing changes; then it "
            + "is finalised and broadcast")
    Map<String, Object> importTopUp(@AuthenticationPrincipal SkyxUser operator, @PathVariable String asset,
                                    @PathVariable long id, @RequestBody(required = false) SignedRequest body) {
        ColdDesk d = desk(asset);
        String signed = body == null ? null : body.psbt() != null ? body.psbt() : body.signed();
        if (signed == null) {
            throw new CustodyException("MISSING_FIELD", "a body {psbt} (BTC) or {signed} (SKY) is required", "psbt");
        }
        ColdTransfer t = d.importTopUp(id, signed);
        audit.record(operator, "cold.topup.signed", asset + " " + t.id() + " " + t.txid());
        return transfer(t, d);
    }

    @PostMapping("/api/v1/admin/cold/{asset}/topups/{id}/cancel")
    @Operation(summary = "Operators: cancel an exported top-up that was not signed (its cold outputs are free again)")
    Map<String, Object> cancelTopUp(@AuthenticationPrincipal SkyxUser operator, @PathVariable String asset,
                                    @PathVariable long id) {
        ColdDesk d = desk(asset);
        ColdTransfer t = d.cancelTopUp(id);
        audit.record(operator, "cold.topup.cancel", asset + " " + t.id());
        return transfer(t, d);
    }

    @ExceptionHandler(CustodyException.class)
    ResponseEntity<String> refused(CustodyException e) {
        HttpStatus status = switch (e.code()) {
            case "UNKNOWN_ASSET", "UNKNOWN_TOPUP" -> HttpStatus.NOT_FOUND;
            case "TOPUP_STATE" -> HttpStatus.CONFLICT;
            case "HOT_WALLET_SHORT", "COLD_WALLET_SHORT", "PSBT_MISMATCH", "PSBT_UNSIGNED", "PSBT_BAD_SIGNATURE",
                 "PSBT_FEE", "NOTHING_TO_TOP_UP", "SWEEP_TOO_SMALL", "TOPUP_MISMATCH", "TOPUP_INPUT_SPENT",
                 "TOPUP_BAD_SIGNATURE", "TOPUP_INVALID" -> HttpStatus.UNPROCESSABLE_CONTENT;
            default -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorWriter.json(e.code(), e.getMessage(), e.field()));
    }

    private ColdDesk desk(String asset) {
        ColdDesk d = desks.get(asset);
        if (d == null) {
            throw new CustodyException("UNKNOWN_ASSET", "no cold wallet is configured for " + asset, "asset");
        }
        return d;
    }

    private static String requestId(String key) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw new CustodyException("BAD_REQUEST", "'Idempotency-Key' (or requestId) must be 1-64 of A-Z a-z 0-9 _ -",
                    "Idempotency-Key");
        }
        return key != null ? key : UUID.randomUUID().toString();
    }

    private static String amount(long units, ColdDesk d) {
        return CustodyController.amount(units, d.asset());
    }

    private static Map<String, Object> transfer(ColdTransfer t, ColdDesk d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("kind", t.kind().name());
        m.put("requestId", t.requestId());
        m.put("state", t.state().name());
        m.put("destination", t.destination());
        m.put("amount", amount(t.amount(), d));
        m.put("fee", amount(t.fee(), d));
        m.put("hotBefore", amount(t.hotBefore(), d));
        m.put("txid", t.txid());
        m.put("confirmations", t.confirmations());
        m.put("psbt", t.state() == ColdTransfer.State.EXPORTED ? t.psbt() : null);
        m.put("error", t.error());
        m.put("createdAt", t.createdAt().toString());
        return m;
    }
}
