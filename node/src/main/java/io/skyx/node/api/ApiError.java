package io.skyx.node.api;

/** A request that ends in an HTTP error with Skycoin's "status text - detail" message. */
final class ApiError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiError badRequest(String detail) {
        return new ApiError(400, detail);
    }

    static ApiError notFound() {
        return new ApiError(404, "");
    }

    int status() {
        return status;
    }
}
