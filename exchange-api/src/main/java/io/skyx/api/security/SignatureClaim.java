package io.skyx.api.security;

import io.skyx.api.sequencer.ReplayMark;
import jakarta.servlet.ServletRequest;
import java.util.regex.Pattern;

/**
 * A signed request to one of the endpoints whose only effect is a sequenced command (place, cancel, cancel all):
 * its signature is claimed in memory when the request is verified (a second use is refused at once), and it is
 * recorded durably together with the command's journal entry instead of by a write of its own. If no journal
 * entry recorded it (the command was a repeat, was never submitted, or its commit failed), the guard records it
 * once the request is done. Either way a replay after a restart is refused, as for every other signed request.
 */
public final class SignatureClaim implements ReplayMark {

    private static final String ATTRIBUTE = SignatureClaim.class.getName();
    private static final Pattern ORDER_OR_ORDERS = Pattern.compile("/api/v1/orders(/[^/]+)?");

    private final String signatureHex;
    private final long expiresAtMillis;
    private volatile boolean recorded;

    SignatureClaim(String signatureHex, long expiresAtMillis) {
        this.signatureHex = signatureHex;
        this.expiresAtMillis = expiresAtMillis;
    }

    /**
     * True for the requests whose signature goes into the journal: createOrder, cancelOrder and cancelAllOrders.
     * (Deferring the durable record is safe for any request whose effects are all journaled commands that carry
     * the claim; a request the handler refuses changes nothing and is recorded once done.)
     */
    static boolean defers(String method, String requestUri) {
        return switch (method) {
            case "POST" -> requestUri.equals("/api/v1/orders");
            case "DELETE" -> ORDER_OR_ORDERS.matcher(requestUri).matches();
            default -> false;
        };
    }

    /** The claim of the signed request being handled, to be journaled with its command; null when it has none. */
    public static ReplayMark of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof SignatureClaim c ? c : null;
    }

    void attachTo(ServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    @Override
    public String signatureHex() {
        return signatureHex;
    }

    @Override
    public long expiresAtMillis() {
        return expiresAtMillis;
    }

    @Override
    public void recorded() {
        recorded = true;
    }

    boolean isRecorded() {
        return recorded;
    }

    @Override
    public String toString() {
        return "SignatureClaim[expiresAt=" + expiresAtMillis + ", recorded=" + recorded + "]";
    }
}
