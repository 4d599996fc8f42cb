package io.skyx.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {

    // Expected values computed independently with: printf '%s' '<message>' | openssl dgst -sha256 -hmac '<secret>'
    @Test
    void matchesIndependentlyComputedVectors() {
        String secret = "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00";
        byte[] body = "{\"market\":\"SKY-BTC\",\"side\":\"buy\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(RequestSignature.computeHex(secret, "1700000000000", "POST", "/api/v1/orders?market=SKY-BTC", body))
                .isEqualTo("f006bfca349c640da2e79c4bb74f02dd4b43d5872c5ac614dc22c194c1bd4414");
        assertThat(RequestSignature.computeHex("secret", "1700000000123", "GET", "/api/v1/balances", new byte[0]))
                .isEqualTo("ec3ce3850ea239a159b9bfc658f01a2dd0bec1f35c84bc0d4c32317fed8685f4");
    }

    @Test
    void everyPartOfTheRequestIsCovered() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String base = RequestSignature.computeHex("s", "1", "POST", "/a?x=1", body);
        assertThat(RequestSignature.computeHex("t", "1", "POST", "/a?x=1", body)).isNotEqualTo(base);
        assertThat(RequestSignature.computeHex("s", "2", "POST", "/a?x=1", body)).isNotEqualTo(base);
        assertThat(RequestSignature.computeHex("s", "1", "PUT", "/a?x=1", body)).isNotEqualTo(base);
        assertThat(RequestSignature.computeHex("s", "1", "POST", "/a?x=2", body)).isNotEqualTo(base);
        assertThat(RequestSignature.computeHex("s", "1", "POST", "/a?x=1", "{ }".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(base);
    }

    @Test
    void parseAcceptsOnlySixtyFourLowercaseHexDigits() {
        String good = "f006bfca349c640da2e79c4bb74f02dd4b43d5872c5ac614dc22c194c1bd4414";
        assertThat(RequestSignature.parse(good)).hasSize(32);
        assertThat(RequestSignature.parse(good.toUpperCase())).isNull();
        assertThat(RequestSignature.parse(good.substring(1))).isNull();
        assertThat(RequestSignature.parse(good + "0")).isNull();
        assertThat(RequestSignature.parse(good.replace('f', 'g'))).isNull();
        assertThat(RequestSignature.parse(null)).isNull();
        assertThat(RequestSignature.parse("")).isNull();
    }

    @Test
    void matchesComparesBytes() {
        byte[] sig = RequestSignature.compute("s", "1", "GET", "/", new byte[0]);
        byte[] other = sig.clone();
        other[31] ^= 1;
        assertThat(RequestSignature.matches(sig, sig.clone())).isTrue();
        assertThat(RequestSignature.matches(sig, other)).isFalse();
        assertThat(RequestSignature.matches(sig, null)).isFalse();
        assertThat(RequestSignature.matches(sig, new byte[0])).isFalse();
    }
}
