package org.parley.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WordFilterTest {

    @Test
    void letsEveryWordOfItsSetThroughAndFewOthers() {
        Random random = new Random(7);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 3000; i++) words.add(randomWord(random));
        WordFilter filter = WordFilter.of(words);
        assertThat(words).allMatch(filter::mightContain);

        Set<String> set = Set.copyOf(words);
        int others = 0;
        int through = 0;
        for (int i = 0; i < 20000; i++) {
            String w = randomWord(random);
            if (set.contains(w)) continue;
            others++;
            if (filter.mightContain(w)) through++;
        }
        // 16 bits per word and one hash: about 6% of other words pass; far more means the bits are not spread
        assertThat((double) through / others).isLessThan(0.12);
    }

    @Test
    void anEmptySetLetsNothingThrough() {
        WordFilter filter = WordFilter.of(List.of());
        assertThat(filter.mightContain("minister")).isFalse();
        assertThat(filter.mightContain("")).isFalse();
    }

    @Test
    void theListsThatUseItStillFindTheirWords() {
        assertThat(SpeechRules.verbKind("said")).isEqualTo(SpeechRules.SPEECH);
        assertThat(SpeechRules.verbKind("walked")).isZero();
        assertThat(new CountryGazetteer().isAlias("Cambodia")).isTrue();
        assertThat(new CountryGazetteer().isAlias("Minister")).isFalse();
    }

    private static String randomWord(Random random) {
        int n = 2 + random.nextInt(10);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) b.append((char) ('a' + random.nextInt(26)));
        return b.toString();
    }
}
