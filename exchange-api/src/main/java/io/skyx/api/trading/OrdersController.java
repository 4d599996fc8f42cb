package io.skyx.api.trading;

import io.skyx.api.market.Market;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.security.SignatureClaim;
import io.skyx.api.security.SkyxUser;
import io.skyx.api.sequencer.Command;
import io.skyx.api.sequencer.CommandResult;
import io.skyx.api.sequencer.EngineEvent;
import io.skyx.api.sequencer.Projections;
import io.skyx.api.sequencer.Sequencer;
import io.skyx.api.stream.SnapshotReads;
import io.skyx.api.web.Acks;
import io.skyx.api.web.ApiError;
import io.skyx.api.web.ApiException;
import io.skyx.api.web.ErrorCode;
import io.skyx.engine.ResultCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** createOrder, cancelOrder, cancelAllOrders, fetchOrders / fetchOrder and fetchMyTrades. */
@RestController
@Tag(name = "trading")
class OrdersController {

    private final Sequencer sequencer;
    private final Projections projections;
    private final OrderQueries queries;
    private final MarketCatalog catalog;
    private final SnapshotReads snapshots;

    OrdersController(Sequencer sequencer, Projections projections, OrderQueries queries, MarketCatalog catalog,
                     SnapshotReads snapshots) {
        this.sequencer = sequencer;
        this.projections = projections;
        this.queries = queries;
        this.catalog = catalog;
        this.snapshots = snapshots;
    }

    @PostMapping("/api/v1/orders")
    @Operation(summary = "createOrder", description = "201 with the new order; 200 with the original order when "
            + "the clientOrderId was used before. Refused orders change no balance.")
    @ApiResponse(responseCode = "201", description = "placed")
    @ApiResponse(responseCode = "400", description = "MALFORMED_JSON, MISSING_FIELD, INVALID_AMOUNT, "
            + "INVALID_PRICE, BAD_REQUEST", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "UNKNOWN_MARKET",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "422", description = "INSUFFICIENT_FUNDS, WOULD_TAKE, FOK_NOT_FILLED",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    OrderJson create(@AuthenticationPrincipal SkyxUser user, @RequestBody CreateOrderRequest request,
                     HttpServletRequest http, HttpServletResponse response) {
        long userId = Acks.userId(user);
        Command.Place place = OrderRequests.toCommand(userId, request, catalog);
        CommandResult r = Acks.await(sequencer.submit(place, SignatureClaim.of(http)));
        if (!r.ok()) {
            throw refused(r.code());
        }
        // the status is set here and the body returned plainly (not as a ResponseEntity, whose handler flushes
        // the headers before the body: a chunked response written in two parts)
        if (!r.repeated()) {
            response.setStatus(HttpStatus.CREATED.value());
            return PlacedOrder.json(catalog.market(place.marketId()), place, r);
        }
        Acks.await(projections.caughtUp());
        return queries.order(userId, r.seq())
                .orElseThrow(() -> new IllegalStateException("order " + r.seq() + " not projected"));
    }

    @DeleteMapping("/api/v1/orders/{id}")
    @Operation(summary = "cancelOrder", description = "404 UNKNOWN_ORDER unless it is an open order of the user")
    OrderJson cancel(@AuthenticationPrincipal SkyxUser user, @PathVariable String id, HttpServletRequest http) {
        long userId = Acks.userId(user);
        long orderId = parseId(id);
        CommandResult r = Acks.await(sequencer.submit(new Command.Cancel(userId, orderId), SignatureClaim.of(http)));
        if (!r.ok()) {
            throw new ApiException(ErrorCode.UNKNOWN_ORDER, "order " + id + " is not open", "id");
        }
        Acks.await(projections.reach(r.seq()));
        return queries.order(userId, orderId).orElseThrow(() -> unknown(id));
    }

    @DeleteMapping("/api/v1/orders")
    @Operation(summary = "cancelAllOrders in one market; returns the orders it cancelled")
    List<OrderJson> cancelAll(@AuthenticationPrincipal SkyxUser user, @RequestParam String market,
                              HttpServletRequest http) {
        long userId = Acks.userId(user);
        Market m = catalog.market(market, "market");
        CommandResult r = Acks.await(sequencer.submit(new Command.CancelAll(userId, m.spec().id()),
                SignatureClaim.of(http)));
        if (!r.ok()) {
            throw refused(r.code());
        }
        Acks.await(projections.reach(r.seq()));
        List<Long> cancelled = r.events().stream().filter(e -> e instanceof EngineEvent.OrderCancelled)
                .map(e -> ((EngineEvent.OrderCancelled) e).orderId()).toList();
        return cancelled.stream().map(id -> queries.order(userId, id)).flatMap(java.util.Optional::stream).toList();
    }

    @GetMapping("/api/v1/orders")
    @Operation(summary = "fetchOrders / fetchOpenOrders (status=open) / fetchClosedOrders (status=closed)",
            description = "Header X-Skyx-Seq: the journal sequence number this list is the state of (the streams' "
                    + "seq): subscribe to the orders channel with since=that seq to follow it.")
    ResponseEntity<List<OrderJson>> orders(@AuthenticationPrincipal SkyxUser user,
                           @RequestParam(required = false) String market,
                           @RequestParam(required = false) String status,
                           @RequestParam(required = false) Integer limit) {
        long userId = Acks.userId(user);
        Market m = market == null ? null : catalog.market(market, "market");
        if (status != null && !"open".equals(status) && !"closed".equals(status)) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "'status' must be open or closed", "status");
        }
        int n = Acks.limit(limit, 100, 1000);
        Acks.await(projections.caughtUp());
        SnapshotReads.AtSeq<List<OrderJson>> r = snapshots.read("orders",
                () -> queries.orders(userId, m, status, n));
        return ResponseEntity.ok().header(SnapshotReads.SEQ_HEADER, Long.toString(r.seq())).body(r.value());
    }

    @GetMapping("/api/v1/orders/{id}")
    @Operation(summary = "fetchOrder")
    OrderJson order(@AuthenticationPrincipal SkyxUser user, @PathVariable String id) {
        long userId = Acks.userId(user);
        long orderId = parseId(id);
        Acks.await(projections.caughtUp());
        return queries.order(userId, orderId).orElseThrow(() -> unknown(id));
    }

    @GetMapping("/api/v1/my-trades")
    @Operation(summary = "fetchMyTrades, newest first")
    List<OrderQueries.MyTrade> myTrades(@AuthenticationPrincipal SkyxUser user,
                                        @RequestParam(required = false) String market,
                                        @RequestParam(required = false) Integer limit) {
        long userId = Acks.userId(user);
        Market m = market == null ? null : catalog.market(market, "market");
        int n = Acks.limit(limit, 100, 1000);
        Acks.await(projections.caughtUp());
        return queries.myTrades(userId, m, n);
    }

    private static long parseId(String id) {
        try {
            long v = Long.parseLong(id);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw unknown(id);
    }

    private static ApiException unknown(String id) {
        String shown = id.length() > 24 ? id.substring(0, 24) + "…" : id;
        return new ApiException(ErrorCode.UNKNOWN_ORDER, "no order " + shown, "id");
    }

    static ApiException refused(ResultCode code) {
        return switch (code) {
            case INSUFFICIENT_FUNDS -> new ApiException(ErrorCode.INSUFFICIENT_FUNDS,
                    "not enough available balance for this order", "amount");
            case WOULD_TAKE -> new ApiException(ErrorCode.WOULD_TAKE, "a post-only order would take liquidity");
            case FOK_NOT_FILLED -> new ApiException(ErrorCode.FOK_NOT_FILLED,
                    "a fill-or-kill order could not be filled entirely");
            case INVALID_PRICE -> new ApiException(ErrorCode.INVALID_PRICE, "price out of range", "price");
            case INVALID_SIZE, BELOW_MIN_SIZE, BELOW_MIN_NOTIONAL, ABOVE_MAX_NOTIONAL, INVALID_AMOUNT ->
                    new ApiException(ErrorCode.INVALID_AMOUNT, "amount out of range (" + code + ")", "amount");
            case UNKNOWN_MARKET -> new ApiException(ErrorCode.UNKNOWN_MARKET, "unknown market", "market");
            case DUPLICATE_CLIENT_ORDER_ID -> new ApiException(ErrorCode.DUPLICATE_CLIENT_ORDER_ID,
                    "clientOrderId is in use", "clientOrderId");
            case UNKNOWN_ORDER, NOT_OWNER -> new ApiException(ErrorCode.UNKNOWN_ORDER, "no such open order", "id");
            default -> new ApiException(ErrorCode.BAD_REQUEST, "refused: " + code);
        };
    }
}
