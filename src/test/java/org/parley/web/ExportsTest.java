package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.search.Hit;
import org.parley.search.SearchRequest;

class ExportsTest {
    private final org.parley.search.SearchService service = WebTestIndex.service();

    @Test
    void pagesThroughEveryHitOnce() throws Exception {
        UrlState state = UrlState.parse("country=KH");
        long total = WebTestIndex.count(p -> p.countries().contains("KH"));
        assertThat(service.search(state.toRequest(10, 10)).total()).isEqualTo(total);
        Exports.Collected all = Exports.collect(service, state, Exports.MAX_ROWS);
        assertThat(all.total()).isEqualTo(total);
        assertThat(all.hits()).hasSize((int) total);
        assertThat(new HashSet<>(all.hits().stream().map(Hit::id).toList())).hasSize((int) total);
        assertThat(all.truncated()).isFalse();
    }

    @Test
    void isBoundedAndSaysSo() throws Exception {
        Exports.Collected some = Exports.collect(service, UrlState.empty(), 3);
        assertThat(some.hits()).hasSize(3);
        assertThat(some.truncated()).isTrue();
    }

    @Test
    void exportsFromTheFirstPageWhateverPageIsShown() throws Exception {
        Exports.Collected fromPage3 = Exports.collect(service, UrlState.parse("page=3"), 5);
        List<Hit> first = service.search(new SearchRequest("", null, null, null, null, 1, 5, null, false, 1)).hits();
        assertThat(fromPage3.hits()).extracting(Hit::id).containsExactlyElementsOf(first.stream().map(Hit::id).toList());
    }

    @Test
    void jsonNamesTheSearch() throws Exception {
        UrlState state = UrlState.parse("q=Russia&country=KH&year_from=2000&sort=-date");
        var json = Exports.describe(Exports.open(service, state, 100));
        assertThat(json).containsEntry("query", "Russia").containsEntry("year_from", 2000).containsEntry("sort", "-date");
        assertThat(json.get("filters")).isEqualTo(java.util.Map.of("country", List.of("KH")));
    }
}
