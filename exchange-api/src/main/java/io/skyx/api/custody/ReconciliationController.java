package io.skyx.api.custody;

import io.skyx.api.security.OperatorAudit;
import io.skyx.api.security.SkyxUser;
import io.skyx.api.web.Acks;
import io.skyx.api.web.ApiException;
import io.skyx.api.web.ErrorCode;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.reconcile.Difference;
import io.skyx.custody.reconcile.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator view of reconciliation: the latest runs with their differences and txids, and "run it now". */
@RestController
@Tag(name = "custody")
class ReconciliationController {

    private final Reconciliation reconciliation;
    private final OperatorAudit audit;

    ReconciliationController(Reconciliation reconciliation, OperatorAudit audit) {
        this.reconciliation = reconciliation;
        this.audit = audit;
    }

    /** One difference; {@code amount} a decimal string. */
    record DifferenceView(String kind, String txid, Integer vout, String amount, String detail) {
    }

    /** One run; amounts decimal strings of the asset ({@code surplus} may be negative). */
    record RunView(long id, String asset, long journalSeq, long blockHeight, String blockHash, String holdings,
                   String minedInFlight, String uncredited, String ledgerOwned, String surplus, int differenceCount,
                   List<DifferenceView> differences, String timestamp) {
    }

    @GetMapping("/api/v1/admin/reconciliation")
    @Operation(summary = "Operators: the latest reconciliation runs (chain against ledger) with their differences")
    List<RunView> runs(@RequestParam(required = false) String asset, @RequestParam(required = false) Integer limit) {
        return reconciliation.recent(asset(asset), Acks.limit(limit, 20, 200)).stream()
                .map(ReconciliationController::view).toList();
    }

    @PostMapping("/api/v1/admin/reconciliation")
    @Operation(summary = "Operators: reconcile now (one asset, or every asset whose custody runs)")
    List<RunView> runNow(@AuthenticationPrincipal SkyxUser operator, @RequestParam(required = false) String asset) {
        CustodyAsset a = asset(asset);
        if (a != null && !reconciliation.assets().contains(a)) {
            throw new ApiException(ErrorCode.BAD_REQUEST, a + " custody on chain is not running here", "asset");
        }
        List<Report> runs = reconciliation.runNow(a);
        audit.record(operator, "custody.reconcile", runs.stream()
                .map(r -> r.asset() + " run " + r.id() + ": " + r.differences().size() + " difference(s)").toList()
                .toString());
        return runs.stream().map(ReconciliationController::view).toList();
    }

    private static CustodyAsset asset(String asset) {
        if (asset == null || asset.isBlank()) {
            return null;
        }
        for (CustodyAsset a : CustodyAsset.values()) {
            if (a.name().equals(asset)) {
                return a;
            }
        }
        throw new ApiException(ErrorCode.BAD_REQUEST, "unknown asset " + asset, "asset");
    }

    private static RunView view(Report r) {
        CustodyAsset a = r.asset();
        return new RunView(r.id(), a.name(), r.journalSeq(), r.blockHeight(), r.blockHash(),
                CustodyController.amount(r.holdings(), a), CustodyController.amount(r.minedInFlight(), a),
                CustodyController.amount(r.uncredited(), a), signed(r.ledgerOwned(), a), signed(r.surplus(), a),
                r.differences().size(), r.differences().stream().map(d -> view(d, a)).toList(), r.at().toString());
    }

    private static DifferenceView view(Difference d, CustodyAsset a) {
        return new DifferenceView(d.kind().name(), d.txid(), d.vout() < 0 ? null : d.vout(),
                CustodyController.amount(d.amount(), a), d.detail());
    }

    private static String signed(long units, CustodyAsset a) {
        return units < 0 ? "-" + CustodyController.amount(-units, a) : CustodyController.amount(units, a);
    }
}
