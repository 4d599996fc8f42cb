package io.skyx.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.market.MarketCatalog;
import io.skyx.engine.L2Book;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BookChannelTest {

    private final BookChannel book = new BookChannel(new MarketCatalog().market("SKY-BTC", "market"),
            JsonMapper.builder().build());

    @Test
    void deltasCarryTheCommandsSeqAndTheSnapshotIsTheAppliedBook() {
        book.reset(new L2Book(1, new long[] {100}, new long[] {5}, new long[] {200}, new long[] {7}));
        Msg d = book.apply(42, List.<long[]>of(new long[] {100, 0}), List.<long[]>of(new long[] {199, 3}));
        assertThat(d.seq()).isEqualTo(42);
        assertThat(d.idx()).isZero();
        assertThat(d.json()).contains("\"type\":\"delta\"", "\"seq\":42", "\"idx\":0");
        String snap = book.snapshot(43);
        assertThat(snap).contains("\"type\":\"snapshot\"", "\"seq\":43", "\"bids\":[]");
        String p200 = new MarketCatalog().market("SKY-BTC", "market").formatPrice(200);
        assertThat(snap.indexOf("0.00000199")).isPositive().isLessThan(snap.indexOf("\"" + p200 + "\""));
    }

    @Test
    void aWindowServesWhatItStillHoldsAndNothingFromBeforeItsStart() {
        StreamWindow w = new StreamWindow(3, 10);
        assertThat(w.after(new Msg.Pos(9, 0))).as("before the window's start").isNull();
        assertThat(w.after(Msg.Pos.after(10))).isEmpty();
        for (int i = 11; i <= 15; i++) {
            w.add(new Msg("trades:SKY-BTC", i, 0, "m" + i));
            w.add(new Msg("trades:SKY-BTC", i, 1, "n" + i));
        }
        assertThat(w.after(new Msg.Pos(13, 1))).as("evicted").isNull();
        assertThat(w.after(new Msg.Pos(14, 0))).extracting(Msg::json).containsExactly("n14", "m15", "n15");
        assertThat(w.after(new Msg.Pos(14, 1))).extracting(Msg::json).containsExactly("m15", "n15");
        assertThat(w.after(new Msg.Pos(15, 0))).extracting(Msg::json).containsExactly("n15");
        assertThat(w.after(Msg.Pos.after(15))).isEmpty();
    }
}
