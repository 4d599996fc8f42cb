package io.skyx.api.apidocs;

import io.skyx.api.account.AccountError;
import io.skyx.api.web.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs}: title, version, the two ways to authenticate (the browser
 * session with its CSRF header, and HMAC-signed requests with the three {@code X-SKYX-*} headers), the one error
 * shape and every error code the API sends.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocs {

    static final String VERSION = "1.0";
    private static final String ERROR = "Error";

    /** Codes sent by the security filters, the custody and settlement packages (as strings there). */
    private static final List<String> OTHER_CODES = List.of("CSRF", "BAD_SIGNATURE", "TIMESTAMP_OUT_OF_WINDOW",
            "REPLAYED_REQUEST", "TOO_MANY_ATTEMPTS", "EMAIL_TAKEN", "WEAK_PASSWORD", "UNKNOWN_ASSET", "WRONG_NETWORK",
            "WRONG_ASSET_ADDRESS", "UNSUPPORTED_ADDRESS", "BELOW_MINIMUM", "DUPLICATE_REQUEST", "INVALID_REQUEST_ID",
            "RESUME_TOO_FAR", "HOT_WALLET_SHORT", "COLD_WALLET_SHORT", "SWEEP_TOO_SMALL", "NOTHING_TO_TOP_UP",
            "NOT_SUPPORTED", "TOPUP_STATE", "UNKNOWN_TOPUP", "PSBT_MALFORMED", "PSBT_MISMATCH", "PSBT_UNSIGNED",
            "PSBT_BAD_SIGNATURE", "PSBT_FEE", "TOPUP_MALFORMED", "TOPUP_MISMATCH", "TOPUP_INPUT_SPENT",
            "TOPUP_BAD_SIGNATURE", "TOPUP_INVALID", "FEE_CHANGED");

    /** Every error code, sorted. */
    static List<String> errorCodes() {
        TreeSet<String> codes = new TreeSet<>(OTHER_CODES);
        Stream.concat(Arrays.stream(ErrorCode.values()).map(Enum::name), Arrays.stream(AccountError.values())
                .map(Enum::name)).forEach(codes::add);
        return List.copyOf(codes);
    }

    /** The one error shape, {@code {"error":{"code","message","field"}}}, with every code. */
    static ObjectSchema errorSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("error", new ObjectSchema()
                .addProperty("code", new StringSchema()._enum(errorCodes()))
                .addProperty("message", new StringSchema())
                .addProperty("field", new StringSchema().nullable(true)));
        return error;
    }

    /** Every operation answers refusals in the one error shape (which also keeps the schema in the document). */
    @Bean
    OpenApiCustomizer errorResponses() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSchemas(ERROR, errorSchema());
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().values().forEach(path -> path.readOperations().forEach(op -> {
                ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
                if (!responses.containsKey("4XX")) {
                    responses.addApiResponse("4XX", new ApiResponse().description("refused, in the one error shape")
                            .content(new Content().addMediaType("application/json",
                                    new io.swagger.v3.oas.models.media.MediaType()
                                            .schema(new Schema<>().$ref("#/components/schemas/" + ERROR)))));
                }
                op.setResponses(responses);
            }));
        };
    }

    @Bean
    OpenAPI skyxOpenApi() {
        String description = """
                The SkyX SKY/BTC exchange API (REST /api/v1, WebSocket /ws); the map is docs/api.md. Amounts and \
                prices are decimal strings. Browser: the session cookie and the X-XSRF-TOKEN header on changes. \
                Bots: HMAC-SHA256 signed requests, headers X-SKYX-APIKEY, X-SKYX-TIMESTAMP (epoch ms, ±5 s) and \
                X-SKYX-SIGNATURE = lowercase hex HMAC-SHA256(secret, timestamp + METHOD + path-with-query + body); \
                a key's permissions are read, trade and withdraw, and a signed request lacking the one it needs gets \
                403 FORBIDDEN (401 means not authenticated). Every error is {"error":{"code","message","field"}} \
                with one of these codes:""" + " " + String.join(", ", errorCodes()) + ".";
        SecurityScheme key = new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                .name("X-SKYX-APIKEY").description("HMAC-SHA256 signed request: the API key (with X-SKYX-TIMESTAMP "
                        + "and X-SKYX-SIGNATURE)");
        SecurityScheme timestamp = new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                .name("X-SKYX-TIMESTAMP").description("epoch milliseconds, within ±5 s of the server clock");
        SecurityScheme signature = new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                .name("X-SKYX-SIGNATURE").description("lowercase hex HMAC-SHA256(secret, timestamp + METHOD + "
                        + "path-with-query + body)");
        SecurityScheme session = new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE)
                .name("JSESSIONID").description("browser session; changes also need the X-XSRF-TOKEN header");
        return new OpenAPI()
                .info(new Info().title("SkyX API").version(VERSION).description(description)
                        .license(new License().name("see the repository")))
                .components(new Components()
                        .addSecuritySchemes("hmac", key)
                        .addSecuritySchemes("hmacTimestamp", timestamp)
                        .addSecuritySchemes("hmacSignature", signature)
                        .addSecuritySchemes("session", session)
                        .addSchemas(ERROR, errorSchema()))
                .addSecurityItem(new SecurityRequirement().addList("hmac").addList("hmacTimestamp")
                        .addList("hmacSignature"))
                .addSecurityItem(new SecurityRequirement().addList("session"));
    }
}
