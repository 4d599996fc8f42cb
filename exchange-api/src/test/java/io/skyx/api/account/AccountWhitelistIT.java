package io.skyx.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.api.testing.TestBrowser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The withdrawal whitelist (2FA for every change, cool-off, address checks per asset and network) and the
 * auto-sweep address, through the API and the {@link WithdrawalPolicy} facade the withdrawal pipeline calls.
 */
class AccountWhitelistIT extends AccountITBase {

    @Autowired
    WithdrawalPolicy policy;

    static String addBody(String asset, String address, String code) {
        return "{\"asset\":\"" + asset + "\",\"address\":\"" + address + "\",\"label\":\"my wallet\""
                + (code == null ? "" : ",\"code\":\"" + code + "\"") + "}";
    }

    int whitelistRows(long userId) {
        return jdbc.queryForObject("select count(*) from account_whitelist where user_id = ?", Integer.class, userId);
    }

    static AccountError refusal(Runnable r) {
        try {
            r.run();
        } catch (AccountException e) {
            return e.code();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void whitelistNeeds2faCoolsOffThenAdmitsTheAddress() throws Exception {
        TestBrowser b = new TestBrowser(url("")).signUp();
        String secret = turnOn2fa(b);
        String btc = SkyAddresses.btc(BitcoinNetwork.REGTEST, ScriptType.P2WPKH);

        HttpResponse<String> noCode = b.send("PUT", "/api/v1/account/whitelist/enabled", "{\"enabled\":true}");
        assertThat(noCode.statusCode()).isEqualTo(403);
        assertThat(errorCode(noCode)).isEqualTo("TWO_FACTOR_REQUIRED");
        assertThat(TestBrowser.json(b.get("/api/v1/account/whitelist").body()).path("enabled").asBoolean()).isFalse();
        HttpResponse<String> on = b.send("PUT", "/api/v1/account/whitelist/enabled",
                "{\"enabled\":true,\"code\":\"" + freshCode(secret) + "\"}");
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        assertThat(TestBrowser.json(b.get("/api/v1/account/security").body()).path("whitelist").asString())
                .isEqualTo("on");

        assertThat(refusal(() -> policy.check(id(b), "BTC", btc, code(secret))))
                .isEqualTo(AccountError.NOT_WHITELISTED);

        HttpResponse<String> needsCode = b.post("/api/v1/account/whitelist", addBody("BTC", btc, null));
        assertThat(errorCode(needsCode)).isEqualTo("TWO_FACTOR_REQUIRED");
        assertThat(whitelistRows(id(b))).isZero();
        HttpResponse<String> added = b.post("/api/v1/account/whitelist", addBody("BTC", btc, freshCode(secret)));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode entry = TestBrowser.json(added.body());
        assertThat(entry.path("address").asString()).isEqualTo(btc);
        assertThat(entry.path("usable").asBoolean()).isFalse();

        assertThat(refusal(() -> policy.check(id(b), "BTC", btc, code(secret))))
                .isEqualTo(AccountError.WHITELIST_COOLING_OFF);
        advance(Duration.ofHours(23));
        assertThat(refusal(() -> policy.check(id(b), "BTC", btc, code(secret))))
                .isEqualTo(AccountError.WHITELIST_COOLING_OFF);
        advance(Duration.ofHours(1));
        assertThat(TestBrowser.json(b.get("/api/v1/account/whitelist").body()).path("entries").path(0)
                .path("usable").asBoolean()).isTrue();

        assertThat(refusal(() -> policy.check(id(b), "BTC", btc, null)))
                .isEqualTo(AccountError.TWO_FACTOR_REQUIRED);
        String good = freshCode(secret);
        policy.check(id(b), "BTC", btc, good);
        assertThat(refusal(() -> policy.check(id(b), "BTC", btc, good)))
                .as("the code was used up").isEqualTo(AccountError.TWO_FACTOR_INVALID);
        assertThat(refusal(() -> policy.check(id(b), "BTC",
                SkyAddresses.btc(BitcoinNetwork.REGTEST, ScriptType.P2WPKH), freshCode(secret))))
                .isEqualTo(AccountError.NOT_WHITELISTED);

        long id = entry.path("id").asLong();
        assertThat(errorCode(b.send("DELETE", "/api/v1/account/whitelist/" + id, "{}")))
                .isEqualTo("TWO_FACTOR_REQUIRED");
        assertThat(whitelistRows(id(b))).isEqualTo(1);
        HttpResponse<String> gone = b.send("DELETE", "/api/v1/account/whitelist/" + id,
                "{\"code\":\"" + freshCode(secret) + "\"}");
        assertThat(gone.statusCode()).as(gone.body()).isEqualTo(204);
        assertThat(whitelistRows(id(b))).isZero();
    }

    @Test
    void wrongNetworkBadChecksumAndWrongAssetAreRefusedWithNoRowWritten() throws Exception {
        TestBrowser b = new TestBrowser(url("")).signUp();
        String secret = turnOn2fa(b);
        String regtest = SkyAddresses.btc(BitcoinNetwork.REGTEST, ScriptType.P2WPKH);
        char last = regtest.charAt(regtest.length() - 1);
        String badChecksum = regtest.substring(0, regtest.length() - 1) + (last == 'q' ? 'p' : 'q');
        String sky = SkyAddresses.random();
        char skyLast = sky.charAt(sky.length() - 1);
        String skyBadChecksum = sky.substring(0, sky.length() - 1) + (skyLast == '2' ? '3' : '2');
        String[][] bad = {
                {"BTC", SkyAddresses.btc(BitcoinNetwork.MAINNET, ScriptType.P2WPKH), "network"},
                {"BTC", SkyAddresses.btc(BitcoinNetwork.MAINNET, ScriptType.P2PKH), "network"},
                {"BTC", badChecksum, "checksum"},
                {"BTC", sky, "SKY address"},
                {"SKY", regtest, "SKY"},
                {"SKY", skyBadChecksum, "SKY"},
                {"DOGE", regtest, "asset"},
        };
        String code = freshCode(secret);
        for (String[] c : bad) {
            HttpResponse<String> r = b.post("/api/v1/account/whitelist", addBody(c[0], c[1], code));
            assertThat(r.statusCode()).as("%s %s: %s", c[0], c[1], r.body()).isEqualTo(400);
            JsonNode err = TestBrowser.json(r.body()).path("error");
            assertThat(err.path("code").asString()).isIn("INVALID_ADDRESS", "UNKNOWN_ASSET");
            assertThat(err.path("message").asString()).containsIgnoringCase(c[2]);
            HttpResponse<String> s = b.send("PUT", "/api/v1/account/auto-sweep",
                    "{\"asset\":\"" + c[0] + "\",\"address\":\"" + c[1] + "\",\"minimum\":\"0\",\"code\":\"" + code
                            + "\"}");
            assertThat(s.statusCode()).as(s.body()).isEqualTo(400);
        }
        assertThat(whitelistRows(id(b))).isZero();
        assertThat(jdbc.queryForObject("select count(*) from account_auto_sweep where user_id = ?", Integer.class,
                id(b))).isZero();
        HttpResponse<String> ok = b.post("/api/v1/account/whitelist", addBody("SKY", sky, code));
        assertThat(ok.statusCode()).as("the refusals did not use up the code: " + ok.body()).isEqualTo(201);
        assertThat(errorCode(b.post("/api/v1/account/whitelist", addBody("SKY", sky, freshCode(secret)))))
                .as("no duplicate").isEqualTo("BAD_REQUEST");
        assertThat(whitelistRows(id(b))).isEqualTo(1);
        assertThatThrownBy(() -> policy.check(id(b), "BTC", badChecksum, null))
                .isInstanceOf(AccountException.class).hasMessageContaining("checksum");
    }

    @Test
    void autoSweepIsSetReadCoolsOffAndIsDeleted() throws Exception {
        TestBrowser b = new TestBrowser(url("")).signUp();
        String sky = SkyAddresses.random();
        HttpResponse<String> set = b.send("PUT", "/api/v1/account/auto-sweep",
                "{\"asset\":\"sky\",\"address\":\"" + sky + "\",\"minimum\":\"1.5\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        JsonNode v = TestBrowser.json(set.body());
        assertThat(v.path("asset").asString()).isEqualTo("SKY");
        assertThat(v.path("minimum").asString()).isEqualTo("1.5");
        assertThat(v.path("usable").asBoolean()).isFalse();
        JsonNode list = TestBrowser.json(b.get("/api/v1/account/auto-sweep").body());
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.path(0).path("address").asString()).isEqualTo(sky);
        assertThat(policy.autoSweep(id(b), "SKY")).as("cooling off").isEmpty();

        HttpResponse<String> tooPrecise = b.send("PUT", "/api/v1/account/auto-sweep",
                "{\"asset\":\"SKY\",\"address\":\"" + sky + "\",\"minimum\":\"1.0000001\"}");
        assertThat(tooPrecise.statusCode()).isEqualTo(400);
        advance(Duration.ofHours(24));
        assertThat(policy.autoSweep(id(b), "SKY")).contains(new AutoSweep("SKY", sky, 1_500_000));
        assertThat(policy.autoSweep(id(b), "BTC")).isEqualTo(Optional.empty());

        String secret = turnOn2fa(b);
        HttpResponse<String> noCode = b.send("DELETE", "/api/v1/account/auto-sweep/SKY", null);
        assertThat(errorCode(noCode)).isEqualTo("TWO_FACTOR_REQUIRED");
        HttpResponse<String> moved = b.send("PUT", "/api/v1/account/auto-sweep", "{\"asset\":\"SKY\",\"address\":\""
                + sky + "\",\"minimum\":\"2\",\"code\":\"" + freshCode(secret) + "\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(policy.autoSweep(id(b), "SKY")).as("same address: no new cool-off")
                .contains(new AutoSweep("SKY", sky, 2_000_000));
        HttpResponse<String> gone = b.send("DELETE", "/api/v1/account/auto-sweep/SKY",
                "{\"code\":\"" + freshCode(secret) + "\"}");
        assertThat(gone.statusCode()).as(gone.body()).isEqualTo(204);
        assertThat(policy.autoSweep(id(b), "SKY")).isEmpty();
    }
}
