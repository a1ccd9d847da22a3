package org.parley.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.search.DidYouMean.Candidate;

class DidYouMeanTest {
    @Test
    void editsCountSwapsOfNeighboursAsOne() {
        assertThat(DidYouMean.edits("woul", "would")).isEqualTo(1);
        assertThat(DidYouMean.edits("woul", "well")).isEqualTo(2);
        assertThat(DidYouMean.edits("relatoins", "relations")).isEqualTo(1);
        assertThat(DidYouMean.edits("", "abc")).isEqualTo(3);
    }

    @Test
    void fewestEditsThenMostParagraphsThenAlphabetical() {
        // a spell checker's own order (here: most paragraphs first) does not decide
        assertThat(DidYouMean.closest("woul", List.of(new Candidate("well", 40), new Candidate("would", 3)))).contains("would");
        assertThat(DidYouMean.closest("art", List.of(new Candidate("arf", 1), new Candidate("are", 4)))).contains("are");
        assertThat(DidYouMean.closest("art", List.of(new Candidate("arf", 2), new Candidate("are", 2)))).contains("are");
        assertThat(DidYouMean.closest("abc", List.of(new Candidate("xyzw", 9), new Candidate("abd", 0)))).isEmpty();
    }

    @Test
    void rewritesOnlyTheWordsItCorrectsKeepingOperatorsAndCapitals() {
        Map<String, List<Candidate>> c = Map.of("cambodai", List.of(new Candidate("cambodia", 5)));
        assertThat(DidYouMean.suggest("Cambodai AND title:cambodai NOT \"cambodai\"", c))
                .isEqualTo("Cambodia AND title:cambodai NOT \"cambodia\"");
        assertThat(DidYouMean.words("Cambodai AND Rusia OR x")).containsExactly("cambodai", "rusia");
        assertThat(DidYouMean.suggest("Russia", Map.of())).isNull();
    }
}
