package io.skyx.api.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarketTest {

    private final Market skyBtc = new MarketCatalog().market("SKY-BTC", "market");

    @Test
    void describesItsSteps() {
        assertThat(skyBtc.symbol()).isEqualTo("SKY/BTC");
        assertThat(skyBtc.amountStep()).isEqualTo("1");
        assertThat(skyBtc.priceStep()).isEqualTo("0.00000001");
        assertThat(Market.feeRate(1000)).isEqualTo("0.001");
    }

    @ParameterizedTest
    @CsvSource({"0.00000001,1", "0.0000005,50", "0.00000050,50", "1,100000000", "12.5,1250000000"})
    void parsesPricesIntoTicksAndBack(String price, long ticks) {
        assertThat(skyBtc.parsePrice(price, "price")).isEqualTo(ticks);
        assertThat(skyBtc.parsePrice(skyBtc.formatPrice(ticks), "price")).isEqualTo(ticks);
    }

    @ParameterizedTest
    @CsvSource({"1,1", "10,10", "10.000000,10", "1000000,1000000"})
    void parsesAmountsIntoLots(String amount, long lots) {
        assertThat(skyBtc.parseSize(amount, "amount")).isEqualTo(lots);
        assertThat(skyBtc.formatSize(lots)).isEqualTo(amount.contains(".") ? amount.substring(0, amount.indexOf('.'))
                : amount);
    }

    @ParameterizedTest
    @CsvSource({"-1", "0", "1.5", "1.0000001", "1e3", "+1", "' 1'", "01", "1.", ".5", "99999999999999999999",
        "9000000000000", "abc"})
    void refusesBadAmounts(String amount) {
        assertThatThrownBy(() -> skyBtc.parseSize(amount, "amount")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(InvalidInputException.Reason.INVALID_AMOUNT);
                    assertThat(e.field()).isEqualTo("amount");
                });
    }

    @ParameterizedTest
    @CsvSource({"-0.00000001", "0", "0.000000001", "0.00000000", "100000000000", "'1,5'"})
    void refusesBadPrices(String price) {
        assertThatThrownBy(() -> skyBtc.parsePrice(price, "price")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.reason()).isEqualTo(InvalidInputException.Reason.INVALID_PRICE));
    }

    @Test
    void aMissingValueIsAMissingField() {
        assertThatThrownBy(() -> skyBtc.parseSize(null, "amount")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.reason()).isEqualTo(InvalidInputException.Reason.MISSING_FIELD));
    }

    @Test
    void unknownMarketsAndAssetsAreRefused() {
        MarketCatalog c = new MarketCatalog();
        assertThatThrownBy(() -> c.market("DOGE-BTC", "market")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.reason()).isEqualTo(InvalidInputException.Reason.UNKNOWN_MARKET));
        assertThatThrownBy(() -> c.asset("DOGE", "asset")).isInstanceOf(InvalidInputException.class);
    }
}
