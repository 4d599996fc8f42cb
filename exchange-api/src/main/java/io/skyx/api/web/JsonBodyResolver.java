package io.skyx.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.util.WebUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code @RequestBody} of a record, read by the application's strict {@link JsonMapper} straight from the body's
 * bytes (those a signed request already holds, {@link CachedBody}), without the message-converter machinery
 * (header maps, media-type parsing and converter selection per request: ~12 % of an order's request CPU). The
 * outcomes are Spring's: 415 for a body that is not JSON, "Required request body is missing" for an empty
 * required body (null when not required), and every JSON or size error as the
 * {@link HttpMessageNotReadableException} {@link ApiErrorHandler} maps, with the same cause. Parameters that ask
 * for validation are left to Spring.
 */
final class JsonBodyResolver implements HandlerMethodArgumentResolver {

    private static final MediaType JSON_SUFFIX = new MediaType("application", "*+json");

    private final JsonMapper mapper;
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    JsonBodyResolver(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(RequestBody.class) && parameter.getParameterType().isRecord()
                && !parameter.hasParameterAnnotation(Validated.class)
                && !parameter.hasParameterAnnotation(jakarta.validation.Valid.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
                                  WebDataBinderFactory binders) throws Exception {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        String contentType = request.getContentType();
        byte[] body = body(request);
        if (contentType != null && !isJson(contentType) || contentType == null && body.length > 0) {
            throw new HttpMediaTypeNotSupportedException(contentType == null ? null
                    : safeParse(contentType), List.of(MediaType.APPLICATION_JSON, JSON_SUFFIX), null);
        }
        if (body.length == 0) {
            if (parameter.getParameterAnnotation(RequestBody.class).required()) {
                throw new HttpMessageNotReadableException("Required request body is missing: "
                        + parameter.getExecutable().toGenericString(), new ServletServerHttpRequest(request));
            }
            return null;
        }
        ObjectReader reader = readers.computeIfAbsent(parameter.getParameterType(), mapper::readerFor);
        try {
            return reader.readValue(body);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e,
                    new ServletServerHttpRequest(request));
        }
    }

    private static byte[] body(HttpServletRequest request) {
        CachedBody cached = WebUtils.getNativeRequest(request, CachedBody.class);
        if (cached != null) {
            return cached.bodyBytes();
        }
        try {
            return request.getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new HttpMessageNotReadableException("I/O error while reading input message", e,
                    new ServletServerHttpRequest(request));
        }
    }

    private static boolean isJson(String contentType) {
        MediaType t = safeParse(contentType);
        return t != null && (MediaType.APPLICATION_JSON.includes(t) || JSON_SUFFIX.includes(t));
    }

    private static MediaType safeParse(String contentType) {
        try {
            return MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
