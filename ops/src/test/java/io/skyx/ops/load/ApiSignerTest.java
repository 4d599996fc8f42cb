package io.skyx.ops.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiSignerTest {

    // The same vectors as the server's RequestSignatureTest, computed with openssl dgst -sha256 -hmac.
    @Test
    void matchesTheServersScheme() {
        ApiSigner signer = new ApiSigner("c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00");
        byte[] body = "{\"market\":\"SKY-BTC\",\"side\":\"buy\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(signer.sign("1700000000000", "POST", "/api/v1/orders?market=SKY-BTC", body))
                .isEqualTo("f006bfca349c640da2e79c4bb74f02dd4b43d5872c5ac614dc22c194c1bd4414");
        assertThat(signer.sign("1700000000000", "POST", "/api/v1/orders?market=SKY-BTC", body))
                .as("reusable").isEqualTo("f006bfca349c640da2e79c4bb74f02dd4b43d5872c5ac614dc22c194c1bd4414");
        assertThat(new ApiSigner("secret").sign("1700000000123", "GET", "/api/v1/balances", new byte[0]))
                .isEqualTo("ec3ce3850ea239a159b9bfc658f01a2dd0bec1f35c84bc0d4c32317fed8685f4");
    }

    @Test
    void needsASecretAndHidesIt() {
        assertThatThrownBy(() -> new ApiSigner("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ApiSigner("topsecret").toString()).doesNotContain("topsecret");
    }
}
