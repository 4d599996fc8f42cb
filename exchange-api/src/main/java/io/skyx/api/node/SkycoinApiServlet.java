package io.skyx.api.node;

import io.skyx.node.api.ApiResponse;
import io.skyx.node.api.SkycoinApi;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/** Serves {@link SkycoinApi} under the configured prefix: {@code /skycoin/api/v1/...}. Bodies above 1 MiB are refused. */
final class SkycoinApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 1024 * 1024;

    private final transient SkycoinApi api;

    SkycoinApiServlet(SkycoinApi api) {
        this.api = api;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        ApiResponse r = body.length > MAX_BODY
                ? SkycoinApi.error(413, "request body too large")
                : api.handle(req.getMethod(), path, req.getQueryString(), req.getHeader("X-CSRF-Token"),
                        req.getContentType(), body);
        int status = r.status();
        byte[] out = r.bytes();
        resp.setStatus(status);
        resp.setContentType(r.contentType());
        resp.setContentLength(out.length);
        resp.getOutputStream().write(out);
    }
}
