package io.skyx.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** API-key scopes: parsing a create request, the permission a request needs, address rules, expiry. */
class KeyScopeTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void defaultsToReadAndTradeFromAnyAddressForever() throws Exception {
        KeyScope s = KeyScope.parse(null, null, null, NOW);
        assertThat(s.permissionNames()).containsExactly("read", "trade");
        assertThat(s.allows(KeyScope.Permission.WITHDRAW)).isFalse();
        assertThat(s.allowsAddress("198.51.100.7")).isTrue();
        assertThat(s.expiredAt(NOW.plusSeconds(10L * 365 * 86400))).isFalse();
        assertThat(s.storedIpAllowList()).isNull();
    }

    @Test
    void mapsEachRequestToThePermissionItNeeds() {
        assertThat(KeyScope.requiredFor("GET", "/api/v1/balances")).isEqualTo(KeyScope.Permission.READ);
        assertThat(KeyScope.requiredFor("GET", "/api/v1/withdrawals")).isEqualTo(KeyScope.Permission.READ);
        assertThat(KeyScope.requiredFor("GET", "/ws")).isEqualTo(KeyScope.Permission.READ);
        assertThat(KeyScope.requiredFor("POST", "/api/v1/orders")).isEqualTo(KeyScope.Permission.TRADE);
        assertThat(KeyScope.requiredFor("DELETE", "/api/v1/orders")).isEqualTo(KeyScope.Permission.TRADE);
        assertThat(KeyScope.requiredFor("POST", "/api/v1/withdrawals")).isEqualTo(KeyScope.Permission.WITHDRAW);
        assertThat(KeyScope.requiredFor("POST", "/api/v1/withdrawalsx")).isEqualTo(KeyScope.Permission.TRADE);
    }

    @Test
    void matchesAddressesAndCidrBlocks() throws Exception {
        KeyScope s = KeyScope.parse(List.of("read"), List.of("203.0.113.0/24", " 198.51.100.7 ", "2001:db8::/32"),
                null, NOW);
        assertThat(s.allowsAddress("203.0.113.200")).isTrue();
        assertThat(s.allowsAddress("203.0.114.1")).isFalse();
        assertThat(s.allowsAddress("198.51.100.7")).isTrue();
        assertThat(s.allowsAddress("198.51.100.8")).isFalse();
        assertThat(s.allowsAddress("2001:db8::1")).isTrue();
        assertThat(s.allowsAddress("127.0.0.1")).isFalse();
        assertThat(s.storedIpAllowList()).isEqualTo("203.0.113.0/24,198.51.100.7,2001:db8::/32");
        KeyScope back = KeyScope.stored(s.storedPermissions(), s.storedIpAllowList(), s.expiresAt());
        assertThat(back).isEqualTo(s);
    }

    @Test
    void expiresAtTheGivenInstant() throws Exception {
        KeyScope s = KeyScope.parse(List.of("trade", "read", "withdraw"), List.of(), "2030-02-01T00:00:00Z", NOW);
        assertThat(s.permissionNames()).containsExactly("read", "trade", "withdraw");
        assertThat(s.expiredAt(Instant.parse("2030-01-31T23:59:59Z"))).isFalse();
        assertThat(s.expiredAt(Instant.parse("2030-02-01T00:00:00Z"))).isTrue();
    }

    @Test
    void refusesBadInputNamingTheField() {
        assertProblem(List.of(), null, null, "permissions");
        assertProblem(List.of("admin"), null, null, "permissions");
        assertProblem(Arrays.asList("read", null), null, null, "permissions");
        assertProblem(null, List.of("example.com"), null, "ipAllowList");
        assertProblem(null, List.of("300.1.1.1"), null, "ipAllowList");
        assertProblem(null, List.of("10.0.0.0/33"), null, "ipAllowList");
        assertProblem(null, java.util.Collections.nCopies(21, "10.0.0.1"), null, "ipAllowList");
        assertProblem(null, null, "tomorrow", "expiresAt");
        assertProblem(null, null, "2029-12-31T23:59:59Z", "expiresAt");
        assertProblem(null, null, NOW.toString(), "expiresAt");
    }

    private static void assertProblem(List<String> perms, List<String> ips, String expiry, String field) {
        assertThatThrownBy(() -> KeyScope.parse(perms, ips, expiry, NOW))
                .isInstanceOf(KeyScope.Problem.class)
                .satisfies(e -> assertThat(((KeyScope.Problem) e).field()).isEqualTo(field));
    }
}
