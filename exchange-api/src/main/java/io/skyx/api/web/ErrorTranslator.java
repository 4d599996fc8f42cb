package io.skyx.api.web;

/**
 * How a feature's own exceptions read in the API's error shape. {@code web} is a leaf and knows no feature, and
 * domain code throws no HTTP types: a feature whose code refuses with an exception of its own contributes a bean of
 * this type, and {@link ApiErrorHandler} asks every one about the exception and each of its causes (a refusal
 * wrapped by a future or by a caller keeps its code).
 */
@FunctionalInterface
public interface ErrorTranslator {

    /** The API error {@code t} stands for, or null when {@code t} is none of this translator's. */
    ApiException translate(Throwable t);
}
