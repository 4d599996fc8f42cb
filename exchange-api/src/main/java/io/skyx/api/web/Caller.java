package io.skyx.api.web;

/**
 * Who makes a request, as far as controllers need to know: the internal user id. Implemented by the security
 * package's principal, so that {@code web} stays a leaf that knows nothing of how callers are authenticated.
 */
public interface Caller {

    /** The caller's internal user id (positive). */
    long id();
}
