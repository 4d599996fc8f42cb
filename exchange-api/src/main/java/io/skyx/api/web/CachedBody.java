package io.skyx.api.web;

/** A request whose body has already been read whole (to check its signature): the bytes, not to be modified. */
public interface CachedBody {

    /** @return the body as received */
    byte[] bodyBytes();
}
