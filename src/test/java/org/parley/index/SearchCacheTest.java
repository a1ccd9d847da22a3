package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SearchCacheTest {
    private final AtomicInteger computed = new AtomicInteger();

    private String get(SearchCache<String, String> cache, String key) throws IOException {
        return cache.get(key, () -> {
            computed.incrementAndGet();
            return key.toUpperCase(java.util.Locale.ROOT);
        });
    }

    @Test
    void aKeyIsKeptOnItsSecondSightAndThenServedWithoutComputing() throws IOException {
        SearchCache<String, String> cache = new SearchCache<>(10, 1000, String::length);
        assertThat(get(cache, "trade")).isEqualTo("TRADE");
        assertThat(cache.size()).as("seen once: not kept").isZero();
        assertThat(get(cache, "trade")).isEqualTo("TRADE");
        assertThat(cache.size()).isEqualTo(1);
        assertThat(get(cache, "trade")).isEqualTo("TRADE");
        assertThat(computed.get()).isEqualTo(2);
    }

    @Test
    void theLeastRecentlyUsedGoesFirstWhenEntriesOrBytesAreFull() throws IOException {
        SearchCache<String, String> cache = new SearchCache<>(2, 10, String::length);
        for (String k : new String[] {"aaaa", "bbbb", "aaaa", "bbbb"}) get(cache, k);
        get(cache, "aaaa"); // a is now more recent than b
        get(cache, "cc");
        get(cache, "cc"); // third entry: b goes
        int before = computed.get();
        get(cache, "aaaa");
        get(cache, "cc");
        assertThat(computed.get()).isEqualTo(before);
        get(cache, "bbbb");
        assertThat(computed.get()).isEqualTo(before + 1);

        SearchCache<String, String> small = new SearchCache<>(10, 5, String::length);
        get(small, "abc");
        get(small, "abc");
        get(small, "xyz");
        get(small, "xyz"); // 6 bytes > 5: abc goes
        assertThat(small.size()).isEqualTo(1);
        get(small, "toolongvalue");
        get(small, "toolongvalue");
        assertThat(small.size()).as("larger than the whole bound: never kept").isEqualTo(1);
    }

    @Test
    void noEntriesTurnsTheCacheOff() throws IOException {
        SearchCache<String, String> off = new SearchCache<>(0, 1000, String::length);
        for (int i = 0; i < 3; i++) get(off, "trade");
        assertThat(off.size()).isZero();
        assertThat(computed.get()).isEqualTo(3);
    }
}
