package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.parley.search.InvalidQueryException;

/** Queries that used to pass the parser and then fail while running (HTTP 500) are refused up front with a code. */
class QueryParserLimitsTest {
    private final QueryParserFactory parsers = new QueryParserFactory();
    private final StemVariants stems = TextAnalysisTest.stemsOf("relations with Russia", "Cambodia's relation");

    private InvalidQueryException refusal(String q) {
        try {
            parsers.parse(q, s -> s, stems);
        } catch (InvalidQueryException e) {
            return e;
        }
        throw new AssertionError("accepted: " + q);
    }

    @Test
    void nestedBoostsThatMultiplyPastTheLimitAreRefused() throws Exception {
        InvalidQueryException e = refusal("(russia^99999999999999999999)^99999999999999999999");
        assertThat(e.code()).isEqualTo("invalid_boost");
        assertThat(refusal("((russia^100)^100)^2").code()).isEqualTo("invalid_boost");
        assertThat(parsers.parse("(russia^10 relations)^100", s -> s, stems)).isNotNull();
    }

    @Test
    void fuzzyTermsAreBoundedBeforeTheyExpand() throws Exception {
        String fifty = IntStream.range(0, 50).mapToObj(i -> "a" + (char) ('a' + i % 26) + (char) ('a' + i / 26) + "~2")
                .collect(Collectors.joining(" OR "));
        InvalidQueryException e = refusal(fifty);
        assertThat(e.code()).isEqualTo("too_many_expansions");
        assertThat(e.getMessage()).contains("50").contains(String.valueOf(QuerySyntax.MAX_EXPANDING_TERMS));
        assertThat(refusal("rel* OR ru* OR ca* OR a* OR b* OR c* OR d* OR e* OR f* OR g* OR h*").code()).isEqualTo("too_many_expansions");

        String ten = IntStream.range(0, QuerySyntax.MAX_EXPANDING_TERMS).mapToObj(i -> "word" + i + "~")
                .collect(Collectors.joining(" OR "));
        assertThat(parsers.parse(ten, s -> s, stems)).isNotNull();
        // ten fuzzy terms expand to 500 words: with 530 plain terms beside them the query is over the clause limit
        String plain = "(" + "x ".repeat(530) + ")";
        InvalidQueryException over = refusal(ten + " OR " + plain);
        assertThat(over.code()).as(over.getMessage()).isEqualTo("too_many_clauses");
    }

    @Test
    void yearsOutsideTheCalendarAreRefusedInsteadOfOverflowing() {
        InvalidQueryException e = refusal("year:{2147483647 TO *]");
        assertThat(e.code()).isEqualTo("invalid_query");
        assertThat(e.getMessage()).contains("year out of range");
        assertThat(refusal("year:[* TO -2147483648}").getMessage()).contains("year out of range");
        assertThat(refusal("year:99999").getMessage()).contains("year out of range");
    }

    @Test
    void aQueryOfOnlyStopWordsSaysSo() {
        InvalidQueryException e = refusal("the of");
        assertThat(e.code()).isEqualTo("only_stop_words");
        assertThat(e.getMessage()).contains("not indexed");
        assertThat(refusal("title:the").code()).isEqualTo("only_stop_words");
    }

    @Test
    void stopWordsBesideOtherWordsAreDroppedQuietly() throws Exception {
        assertThat(parsers.parse("the relations", s -> s, stems)).isNotNull();
        assertThat(parsers.parse("\"relations with Russia\"", s -> s, stems)).isNotNull();
    }
}
