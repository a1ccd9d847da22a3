package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.search.Query;
import org.parley.search.InvalidQueryException;

/** Whatever users type, the parser answers with a query or an {@link InvalidQueryException}, nothing else. */
class QueryParserProperties {
    private final QueryParserFactory parsers = new QueryParserFactory();
    private final StemVariants stems = TextAnalysisTest.stemsOf("relations with Russia", "Cambodia's relation");

    @Property(tries = 2000)
    void anyTextParsesOrIsRefusedCleanly(@ForAll("queries") String text) {
        try {
            Query q = parsers.parse(text, s -> s, stems);
            assertThat(text.isBlank() || q != null).isTrue();
        } catch (InvalidQueryException e) {
            assertThat(e.code()).isNotBlank();
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.param()).isEqualTo("q");
        }
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> syntax = Arbitraries.of("\"", "(", ")", "AND", "OR", "NOT", "+", "-", "*", "?", "~", "~2", ":",
                "text:", "title:", "year:", "country:", "speaker:", "[", "]", "{", "}", " TO ", "/", "\\", "^", "^2", "!",
                "&&", "||", "russia", "relat", "Cambodia", "2020", "<script>", "é", "\u0000", " ", " ", " ");
        Arbitrary<String> tokens = syntax.list().ofMaxSize(25).map(l -> String.join("", l));
        return Arbitraries.oneOf(tokens, Arbitraries.strings().ofMaxLength(60), Arbitraries.strings().ascii().ofMaxLength(60));
    }
}
