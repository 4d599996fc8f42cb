package io.skyx.api.custody;

import io.skyx.api.security.SkyxUser;
import io.skyx.api.web.Acks;
import io.skyx.api.web.ErrorWriter;
import io.skyx.custody.Amounts;
import io.skyx.custody.CustodyException;
import io.skyx.custody.AssetCustody;
import io.skyx.custody.deposit.Deposit;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.api.account.AccountException;
import io.skyx.api.account.WithdrawalPolicy;
import io.skyx.custody.withdrawal.Withdrawal;
import io.skyx.custody.withdrawal.WithdrawalState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deposits and withdrawals on chain, named after CCXT's methods, for every asset whose custody runs (BTC with
 * bitcoinj, SKY through the embedded node); another asset is UNKNOWN_ASSET.
 */
@RestController
@Tag(name = "custody")
class CustodyController {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Map<String, AssetCustody> custodies = new LinkedHashMap<>();
    private final WithdrawalPolicy policy;

    CustodyController(ObjectProvider<AssetCustody> custodies, WithdrawalPolicy policy) {
        custodies.orderedStream().forEach(c -> this.custodies.put(c.asset().name(), c));
        this.policy = policy;
    }

    /** fetchDepositAddress's answer. */
    record DepositAddress(String asset, String address, String network) {
    }

    /** One deposit as fetchDeposits lists it ({@code status}: pending until N confirmations, then ok). */
    record DepositView(String asset, String txid, int vout, String address, String amount, int confirmations,
                       int requiredConfirmations, String status, String timestamp) {
    }

    /** One withdrawal as fetchWithdrawals lists it ({@code status}: pending, ok or failed; {@code state}: the step). */
    record WithdrawalView(long id, String asset, String address, String amount, String fee, String state, String status,
                          String txid, int confirmations, String info, String timestamp) {
    }

    /**
     * One asset's withdrawal fee as fetchDepositWithdrawFees lists it: {@code fee} is what a withdrawal requested
     * now is charged on top of the amount (the user pays it; deposits are free).
     */
    record WithdrawalFeeView(String asset, String network, String fee, long feeRate, long minFeeRate, long maxFeeRate,
                             String feeRateUnit, String source, String paidBy, String minimum, int confirmations) {
    }

    /** withdraw's request body. */
    record WithdrawRequest(String asset, String address, String amount, String code, String maxFee) {
    }

    @GetMapping("/api/v1/deposit-address")
    @Operation(summary = "fetchDepositAddress: the user's deposit address for an asset (the same every time)")
    DepositAddress fetchDepositAddress(@AuthenticationPrincipal SkyxUser user, @RequestParam String asset) {
        AssetCustody c = custody(asset);
        return new DepositAddress(c.asset().name(), c.depositAddress(Acks.userId(user)), c.network());
    }

    @GetMapping("/api/v1/deposits")
    @Operation(summary = "fetchDeposits: the user's on-chain deposits, newest first, with confirmations")
    List<DepositView> fetchDeposits(@AuthenticationPrincipal SkyxUser user, @RequestParam String asset,
                                    @RequestParam(required = false) Integer limit) {
        AssetCustody c = custody(asset);
        int required = c.policy().confirmations();
        return c.deposits(Acks.userId(user), Acks.limit(limit, 50, 500)).stream().map(d -> view(d, required)).toList();
    }

    @GetMapping("/api/v1/withdrawals")
    @Operation(summary = "fetchWithdrawals: the user's withdrawals, newest first, with their step and txid")
    List<WithdrawalView> fetchWithdrawals(@AuthenticationPrincipal SkyxUser user, @RequestParam String asset,
                                          @RequestParam(required = false) Integer limit) {
        return custody(asset).withdrawals(Acks.userId(user), Acks.limit(limit, 50, 500)).stream().map(CustodyController::view)
                .toList();
    }

    @GetMapping("/api/v1/withdrawal-fees")
    @Operation(summary = "fetchDepositWithdrawFees: per running asset, the network fee a withdrawal requested now is "
            + "charged on top of the amount (paid by the user, debited with the amount; BTC: rate × 221 vB, the rate "
            + "from the node's estimate or the configured one, within the bounds; SKY: 0, the platform pays coin "
            + "hours), the minimum and the confirmations; deposits are free")
    List<WithdrawalFeeView> fetchWithdrawalFees() {
        return custodies.values().stream().map(c -> {
            AssetCustody.FeeQuote q = c.withdrawalFee();
            return new WithdrawalFeeView(c.asset().name(), c.network(), amount(q.fee(), c.asset()), q.feeRate(),
                    q.minFeeRate(), q.maxFeeRate(), q.feeRate() > 0 ? "sat/vB" : null, q.source(), "user",
                    amount(c.policy().minimum(), c.asset()), c.policy().confirmations());
        }).toList();
    }

    @PostMapping("/api/v1/withdrawals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "withdraw: send coins to an address; BTC: the user pays the network fee quoted by "
            + "/api/v1/withdrawal-fees on top of the amount (maxFee, the fee the user saw, refuses the request with "
            + "409 FEE_CHANGED if the quote is now higher); SKY: multiples of 0.001, no fee (coin hours), sent in the next batch; an Idempotency-Key "
            + "header makes the request safe to repeat")
    WithdrawalView withdraw(@AuthenticationPrincipal SkyxUser user, @RequestBody WithdrawRequest body,
                            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw new CustodyException("BAD_REQUEST", "'Idempotency-Key' must be 1-64 of A-Z a-z 0-9 _ -",
                    "Idempotency-Key");
        }
        if (body == null) {
            throw new CustodyException("MISSING_FIELD", "a body {asset, address, amount} is required", null);
        }
        AssetCustody c = custody(body.asset());
        long userId = Acks.userId(user);
        // custody's own checks first: they name the exact reason (network, checksum, type, decimals), and a bad
        // request uses up no 2FA code
        c.validate(body.address(), body.amount());
        c.checkFee(body.maxFee());
        // whitelist and 2FA (when the user turned them on); a passing code is used up
        policy.check(userId, body.asset(), body.address(), body.code());
        String requestId = key != null ? key : UUID.randomUUID().toString();
        return view(c.withdraw(userId, requestId, body.address(), body.amount(), body.maxFee()));
    }

    @ExceptionHandler(AccountException.class)
    ResponseEntity<String> refusedByPolicy(AccountException e) {
        return ResponseEntity.status(e.code().status()).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorWriter.json(e.code().name(), e.getMessage(), e.field()));
    }

    @ExceptionHandler(CustodyException.class)
    ResponseEntity<String> refused(CustodyException e) {
        HttpStatus status = switch (e.code()) {
            case "INSUFFICIENT_FUNDS", "BELOW_MINIMUM" -> HttpStatus.UNPROCESSABLE_CONTENT;
            case "DUPLICATE_REQUEST", "FEE_CHANGED" -> HttpStatus.CONFLICT;
            default -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorWriter.json(e.code(), e.getMessage(), e.field()));
    }

    private AssetCustody custody(String asset) {
        if (asset == null || asset.isBlank()) {
            throw new CustodyException("MISSING_FIELD", "asset is required", "asset");
        }
        AssetCustody c = custodies.get(asset);
        if (c == null) {
            throw new CustodyException("UNKNOWN_ASSET", asset.equals("SKY") || asset.equals("BTC")
                    ? asset + " custody on chain is not running here" : "unknown asset " + asset, "asset");
        }
        return c;
    }

    private static DepositView view(Deposit d, int required) {
        return new DepositView(d.asset().name(), d.txid(), d.vout(), d.address(), amount(d.amount(), d.asset()),
                d.confirmations(), required, d.credited() ? "ok" : "pending", d.firstSeenAt().toString());
    }

    private static WithdrawalView view(Withdrawal w) {
        String status = switch (w.state()) {
            case COMPLETED -> "ok";
            case REFUNDED -> "failed";
            default -> "pending";
        };
        String info = w.state() != WithdrawalState.WAITING_FUNDS ? w.error()
                : w.error() != null && w.error().contains("consolidate")
                ? "the transaction needs more inputs than the fee covers; sent once the hot wallet is consolidated"
                : "hot wallet too low; sent once it is topped up";
        return new WithdrawalView(w.id(), w.asset().name(), w.destination(), amount(w.amount(), w.asset()),
                amount(w.fee(), w.asset()), w.state().name(), status, w.txid(), w.confirmations(), info,
                w.createdAt().toString());
    }

    /** A decimal string without trailing zeros ("0.03"), as the rest of the API writes amounts. */
    static String amount(long units, CustodyAsset asset) {
        String s = Amounts.format(units, asset);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
