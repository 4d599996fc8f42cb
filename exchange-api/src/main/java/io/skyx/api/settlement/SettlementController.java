package io.skyx.api.settlement;

import io.skyx.api.web.ApiException;
import io.skyx.api.web.ErrorCode;
import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.PubKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import io.skyx.api.security.SkyxUser;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Skywire relays (submit signed records, read receipts) and operators (settle an epoch, register relays). */
@RestController
@Tag(name = "skywire")
class SettlementController {

    private final DataSource db;
    private final UsageIngester ingester;
    private final SettlementJob job;
    private final RelayDirectory relays;
    private final SettlementRunner runner;
    private final ChainBatches batches;

    SettlementController(DataSource db, UsageIngester ingester, SettlementJob job, RelayDirectory relays,
                         SettlementRunner runner, ChainBatches batches) {
        this.batches = batches;
        this.db = db;
        this.ingester = ingester;
        this.job = job;
        this.relays = relays;
        this.runner = runner;
    }

    /** The relay registration body. */
    record RelayRegistration(String externalIp, String userId) {
    }

    @PostMapping(path = "/api/v1/skywire/records", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @Operation(summary = "Submit one signed usage report or epoch claim (binary wire form, docs/skywire.md)",
            description = "Authenticated by the record's own signature by the relay key; same checks as Kafka.")
    ResponseEntity<Map<String, Object>> submit(@RequestBody byte[] wire) throws SQLException {
        UsageIngester.Outcome o;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                o = ingester.ingest(c, wire, "rest");
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        if (o.status() == UsageIngester.Status.REFUSED) {
            return ResponseEntity.unprocessableContent().body(Map.of("error", Map.of("code", o.reason().name(),
                    "message", o.detail(), "field", "record")));
        }
        return ResponseEntity.ok(Map.of("id", o.id().hex(), "status", o.status().name().toLowerCase()));
    }

    @GetMapping("/api/v1/relays/{key}/receipts")
    @Operation(summary = "A relay's settlement receipts, newest epoch first")
    ResponseEntity<String> receipts(@PathVariable String key, @RequestParam(defaultValue = "30") int limit)
            throws SQLException {
        List<String> list = relays.receipts(relay(key), Math.clamp(limit, 1, 365));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("[" + String.join(",", list) + "]");
    }

    @PostMapping("/api/v1/admin/settlement/{epoch}")
    @Operation(summary = "Settle one epoch (UTC day number) and pay its ledger payouts; idempotent and resumable:"
            + " a settled epoch returns its stored report and pays only what is still pending")
    SettlementRunner.Result settle(@AuthenticationPrincipal SkyxUser operator, @PathVariable long epoch)
            throws SQLException {
        if (epoch < 0 || epoch >= System.currentTimeMillis() / 86_400_000L) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "epoch " + epoch + " has not ended yet", "epoch");
        }
        try {
            return runner.run(epoch, operator.email());
        } catch (SettlementRunner.AlreadyRunning e) {
            throw new ApiException(ErrorCode.ALREADY_RUNNING, e.getMessage(), "epoch");
        }
    }

    @GetMapping("/api/v1/admin/settlement/{epoch}/report")
    @Operation(summary = "The settlement report of an epoch, as JSON or (format=csv) CSV")
    ResponseEntity<String> report(@PathVariable long epoch, @RequestParam(defaultValue = "json") String format)
            throws SQLException {
        boolean csv = format.equals("csv");
        String text = job.report(epoch, csv);
        if (text == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "epoch " + epoch + " is not settled");
        }
        return ResponseEntity.ok().contentType(csv ? MediaType.parseMediaType("text/csv") : MediaType.APPLICATION_JSON)
                .body(text);
    }

    @GetMapping("/api/v1/admin/settlement/{epoch}/chain")
    @Operation(summary = "Operators: the on-chain payout batches of an epoch, their states and reason codes",
            description = "waiting is true while a batch waits for the SKY hot wallet (reason WALLET_SHORT).")
    ChainBatches.View chain(@PathVariable long epoch) throws SQLException {
        return batches.of(epoch);
    }

    @PutMapping("/api/v1/admin/skywire/relays/{key}")
    @Operation(summary = "Set a relay's external IP and SkyX account (for the same-IP and per-IP rules, payouts)")
    ResponseEntity<Void> register(@PathVariable String key, @RequestBody RelayRegistration body) throws SQLException {
        java.util.UUID user = null;
        if (body.userId() != null) {
            try {
                user = java.util.UUID.fromString(body.userId());
            } catch (IllegalArgumentException e) {
                throw new ApiException(ErrorCode.BAD_REQUEST, "userId must be a user's id as the API shows it", "userId");
            }
        }
        if (!relays.registerByPublicId(relay(key), body.externalIp(), user)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "no user with id " + body.userId(), "userId");
        }
        return ResponseEntity.noContent().build();
    }

    private static PubKey relay(String hex) {
        try {
            return PubKey.fromHex(hex);
        } catch (CipherException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "not a relay public key (66 hex characters)", "key");
        }
    }
}
