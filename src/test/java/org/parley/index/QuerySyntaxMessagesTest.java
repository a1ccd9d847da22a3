package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.search.InvalidQueryException;

/**
 * A malformed query is told what is wrong in its own terms: the parser's message ("unexpected \" <AND> \"AND \"\" at
 * line 1, column 0.") reached the page, the API and the command line before.
 */
class QuerySyntaxMessagesTest {
    private final QueryParserFactory parsers = new QueryParserFactory();
    private final StemVariants stems = TextAnalysisTest.stemsOf("relations with Russia", "Cambodia's relation");

    private String refusal(String q) {
        try {
            parsers.parse(q, s -> s, stems);
        } catch (InvalidQueryException e) {
            assertThat(e.code()).as(q).isEqualTo("invalid_query");
            assertThat(e.getMessage()).as(q).doesNotContain("<", "line 1", "column", "Encountered", "unexpected");
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + q);
    }

    @Test
    void anOperatorWithoutItsWordsIsNamed() {
        assertThat(refusal("AND")).isEqualTo("'AND' at character 1 needs a word on each side, as in: russia AND cambodia");
        assertThat(refusal("russia OR OR cambodia")).isEqualTo("'OR' at character 8 needs a word on each side, not 'OR'");
        assertThat(refusal("russia NOT")).isEqualTo("the query ends with 'NOT', which needs a word after it");
        assertThat(refusal("russia AND")).isEqualTo("the query ends with 'AND', which needs a word on each side");
        assertThat(refusal("-")).isEqualTo("the query ends with '-', which needs a word after it");
        assertThat(refusal("!!!")).isEqualTo("'!' at character 1 needs a word after it, not '!'");
    }

    @Test
    void parenthesesThatDoNotPairAreNamed() {
        assertThat(refusal("(russia OR cambodia")).isEqualTo("a parenthesis is not closed: add ')'");
        assertThat(refusal("russia)")).isEqualTo("')' at character 7 closes no parenthesis");
        assertThat(refusal("russia ()")).isEqualTo("the parentheses at character 8 hold nothing: put words between them");
        assertThat(refusal("(russia AND)")).isEqualTo("'AND' at character 9 needs a word on each side, not ')'");
    }

    @Test
    void aFieldOrBoostWithoutItsValueIsNamed() {
        assertThat(refusal("country:")).startsWith("the query ends with a field name: put a value after the colon");
        assertThat(refusal("russia^")).isEqualTo("'^' at the end needs a number after it (russia^2)");
    }

    @Test
    void punctuationAloneIsNotCalledStopWords() {
        for (String q : new String[] {"\u2014", "\"\"", ". , ;"}) {
            assertThat(refusal(q)).isEqualTo("the query has no word to search for: punctuation and symbols alone are not indexed");
        }
    }

    @Test
    void positionsCountTheQueryAsTyped() {
        // slashes are escaped before the parser sees them: the position is still the typed one
        assertThat(refusal("a/b/c russia)")).isEqualTo("')' at character 13 closes no parenthesis");
    }
}
