package io.skyx.api.e2e;

import io.skyx.api.testing.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Browser end-to-end tests: the whole app on a random port (local profile, so the faucet is on), driven by the
 * scripts in {@code web-ui/e2e/} ({@link BrowserScripts}). {@code trade.mjs}: two users sign up in the page, take
 * test funds, place crossing orders, and the page must show the trade and the exact balances. {@code ui.mjs}: the
 * page's own behaviour (clean anonymous load, refused log-in keeps the input, errors beside their field, candle
 * intervals, keyboard, cancel-all, phone layout, log-out) and the time to interactive. {@code resume.mjs}: the
 * page's WebSocket is cut while users trade, and after the resume every trade is shown once and the book equals
 * REST. All fail on any console error or warning. Screenshots go to {@code exchange-api/target/e2e}.
 * <p>The property below gives this class a Spring context of its own, and so a fresh database with an empty book:
 * orders left by other integration tests cannot meet the test's orders.
 */
@TestPropertySource(properties = "skyx.test.context=browser-e2e")
class BrowserTradeIT extends IntegrationTestBase {

    @Test
    void twoUsersTradeInTheBrowserAndSeeExactBalances() throws Exception {
        BrowserScripts.run("trade.mjs", url(""));
    }

    @Test
    void pageBehavesOnDesktopAndPhoneWithoutConsoleNoise() throws Exception {
        BrowserScripts.run("ui.mjs", url(""));
    }

    @Test
    void aCutStreamResumesWithoutLosingOrDuplicatingATrade() throws Exception {
        BrowserScripts.run("resume.mjs", url(""));
    }
}
