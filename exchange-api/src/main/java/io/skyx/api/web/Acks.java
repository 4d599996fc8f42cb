package io.skyx.api.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Helpers for controllers: waiting for the sequencer's acknowledgement, and the signed-in user. */
public final class Acks {

    private static final long TIMEOUT_SECONDS = 30;

    private Acks() {
    }

    /**
     * Waits for a sequencer future: a time-out becomes 503 UNAVAILABLE; the future's own failure is rethrown for
     * {@link ApiErrorHandler} (the sequencer's unavailability reads as 503 UNAVAILABLE there).
     */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.UNAVAILABLE, "interrupted, retry");
        } catch (TimeoutException e) {
            throw new ApiException(ErrorCode.UNAVAILABLE, "the exchange is busy, retry");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // the feature's own refusal (e.g. the sequencer's unavailability), mapped by ApiErrorHandler
            }
            throw new IllegalStateException("sequencer failure", e.getCause());
        }
    }

    /** The signed-in caller's id, or 401 UNAUTHENTICATED. */
    public static long userId(Caller user) {
        if (user == null) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "sign in or sign the request with an API key");
        }
        return user.id();
    }

    /** A {@code limit} query parameter: default when null, 1..max else BAD_REQUEST. */
    public static int limit(Integer limit, int dflt, int max) {
        if (limit == null) {
            return dflt;
        }
        if (limit < 1 || limit > max) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "'limit' must be in 1.." + max, "limit");
        }
        return limit;
    }
}
