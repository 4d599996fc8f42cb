package io.skyx.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.market.MarketCatalog;
import io.skyx.engine.L2Book;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookChannelTest {

    private final BookChannel book = new BookChannel(new MarketCatalog().market("SKY-BTC", "market"), 3);

    @Test
    void deltasAreNumberedFromTheStartSequenceAndResumeWithinTheWindow() {
        book.reset(100, new L2Book(1, new long[] {50}, new long[] {2}, new long[] {60}, new long[] {1}));
        assertThat(book.snapshot().get("seq")).isEqualTo(100L);
        for (int i = 0; i < 5; i++) {
            BookChannel.Delta d = book.apply(List.of(new long[] {50, 3 + i}), List.of());
            assertThat(d.seq()).isEqualTo(101L + i);
        }
        assertThat(book.since(105)).isEmpty();
        assertThat(book.since(103)).extracting(BookChannel.Delta::seq).containsExactly(104L, 105L);
        assertThat(book.since(102)).extracting(BookChannel.Delta::seq).containsExactly(103L, 104L, 105L);
        assertThat(book.since(101)).as("older than the window").isNull();
        assertThat(book.since(106)).as("from the future").isNull();
    }

    @Test
    void aZeroSizeRemovesTheLevelFromTheSnapshot() {
        book.reset(0, new L2Book(1, new long[] {50, 40}, new long[] {2, 1}, new long[0], new long[0]));
        book.apply(List.of(new long[] {50, 0}), List.of(new long[] {70, 4}));
        assertThat(book.snapshot().get("bids")).isEqualTo(List.of(List.of("0.0000004", "1")));
        assertThat(book.snapshot().get("asks")).isEqualTo(List.of(List.of("0.0000007", "4")));
        assertThat(book.snapshot().get("seq")).isEqualTo(1L);
    }
}
