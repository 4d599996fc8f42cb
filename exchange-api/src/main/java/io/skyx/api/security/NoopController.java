package io.skyx.api.security;

import java.util.Map;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * An authenticated endpoint that does nothing: the load generator's baseline, so that the cost of the
 * trading path can be told apart from the cost of HTTP, authentication and signature checks.
 */
@RestController
class NoopController {

    private static final Map<String, Boolean> OK = Map.of("ok", true);

    @RequestMapping(path = "/api/v1/noop", method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.DELETE})
    Map<String, Boolean> noop() {
        return OK;
    }
}
