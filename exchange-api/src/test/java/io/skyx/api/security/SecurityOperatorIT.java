package io.skyx.api.security;

import static io.skyx.api.security.Attacker.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.TestDatabase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Operators by configuration ({@code skyx.operators}) in the prod-like rules (operator endpoints need the role):
 * the grant is applied at start and audited; an operator's API key with the operator permission calls operator
 * endpoints, a plain key of the same operator cannot; removing the address revokes the role (audited) and the
 * operator key stops working; actions recorded through {@link OperatorAudit} appear in the audit view.
 */
class SecurityOperatorIT {

    @Test
    void operatorsAreGrantedAndRevokedByConfigurationAndAudited() throws Exception {
        TestDatabase.Conn db = TestDatabase.freshDatabase();
        String email = Attacker.email();
        String opKey;
        String opSecret;
        try (AppInstance first = AppInstance.start(db)) {
            assertThat(new BrowserClient(first.url("")).signup(email, Attacker.PASSWORD).statusCode()).isEqualTo(201);
        }
        try (AppInstance app = AppInstance.start(db, "skyx.operators=" + email.toUpperCase())) {
            BrowserClient op = new BrowserClient(app.url(""));
            assertThat(op.login(email, Attacker.PASSWORD).statusCode()).isEqualTo(200);
            HttpResponse<String> audit = op.get("/api/v1/admin/audit");
            assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
            JsonNode entries = Json.parse(audit.body());
            assertThat(entries.get(0).path("action").asString()).isEqualTo("grant-operator");
            assertThat(entries.get(0).path("detail").asString()).isEqualTo(email);
            assertThat(entries.get(0).path("actor").asString()).isEqualTo(OperatorGrants.ACTOR);
            assertThat(entries.get(0).path("at").asString()).isNotBlank();

            HttpResponse<String> created = op.send("POST", "/api/v1/api-keys", "{\"label\":\"ops\",\"operator\":true}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode k = Json.parse(created.body());
            opKey = k.path("key").asString();
            opSecret = k.path("secret").asString();
            SignedClient opBot = new SignedClient(app.url(""), opKey, opSecret);
            assertThat(opBot.send("GET", "/api/v1/admin/audit", null).statusCode()).isEqualTo(200);
            SignedClient plainBot = Attacker.apiKey(op, app.url(""));
            assertError(plainBot.send("GET", "/api/v1/admin/audit", null), 403, "FORBIDDEN");

            app.bean(OperatorAudit.class).record(email, "settlement-run", "epoch 7");
            JsonNode after = Json.parse(opBot.send("GET", "/api/v1/admin/audit?limit=1", null).body());
            assertThat(after.size()).isEqualTo(1);
            assertThat(after.get(0).path("action").asString()).isEqualTo("settlement-run");
        }
        try (AppInstance app = AppInstance.start(db, "skyx.operators=")) {
            SignedClient opBot = new SignedClient(app.url(""), opKey, opSecret);
            assertError(opBot.send("GET", "/api/v1/admin/audit", null), 403, "FORBIDDEN");
            assertThat(app.jdbc().queryForObject(
                    "select count(*) from operator_audit where action = 'revoke-operator' and detail = ?", Long.class,
                    email)).isEqualTo(1);
            assertThat(app.jdbc().queryForObject("select admin from users where email = ?", Boolean.class, email))
                    .isFalse();
        }
    }
}
