package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.search.WordsStartingWith;

/** The indexed words a typed prefix begins, as instant search asks for them. */
class WordsStartingWithTest {
    @TempDir
    Path dir;

    @Test
    void listsEveryIndexedWordOfAPrefixUpToTheLimitWithTheDocumentsHoldingIt() throws IOException {
        // one more word starting with "zq" than a list may hold; 26 of them start with "zqa"
        List<String> words = new ArrayList<>();
        for (char a = 'a'; words.size() <= WordsStartingWith.MAX_WORDS; a++) {
            for (char b = 'a'; b <= 'z' && words.size() <= WordsStartingWith.MAX_WORDS; b++) words.add("zq" + a + b);
        }
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("words.txt"), "Words\n\n" + String.join(" ", words) + " Zürich zurich.\n\nCamber and Cambodia.\n\n"
                + "The ministers agree on the terms of trade.\n\n"
                + "The agreement on trade was signed in the capital.\n\nThe agreement holds for another ten years.\n\n"
                + "Both sides praised the agreement at the summit.\n\nA second agreement covers fishing rights.\n");
        Path index = dir.resolve("index");
        new IndexBuilder(new IndexLocation(index)).build(corpus);
        try (LuceneSearchService service = LuceneSearchService.open(index)) {
            WordsStartingWith zq = service.wordsStartingWith("zq").orElseThrow();
            assertThat(zq.complete()).as("more than the limit").isFalse();
            assertThat(zq.words()).isEmpty();
            assertThat(zq.documents()).isZero();
            assertThat(zq.longerDocuments()).isEqualTo(1);
            Map<String, Long> zqa = new TreeMap<>();
            words.stream().filter(w -> w.startsWith("zqa")).forEach(w -> zqa.put(w, 1L));
            assertThat(service.wordsStartingWith("ZQA")).contains(new WordsStartingWith("zqa", 0, 1, true, new TreeMap<>(zqa)));
            // the typed word itself when indexed; folded as the index folds ("Zürich" is indexed as "zurich")
            WordsStartingWith cambodia = service.wordsStartingWith("Cambodia").orElseThrow();
            assertThat(cambodia.words()).containsExactly(Map.entry("cambodia", 1L));
            assertThat(cambodia.documents()).isEqualTo(1);
            assertThat(cambodia.probablyFinished()).isTrue();
            assertThat(service.wordsStartingWith("camb").orElseThrow().words()).containsOnlyKeys("camber", "cambodia");
            assertThat(service.wordsStartingWith("camb").orElseThrow().probablyFinished()).as("no word").isFalse();
            assertThat(service.wordsStartingWith("zür")).contains(new WordsStartingWith("zur", 0, 1, true, new TreeMap<>(Map.of("zurich", 1L))));
            assertThat(service.wordsStartingWith("cambodian").orElseThrow().words()).isEmpty();
            // "agree" (1 paragraph) begins "agreement" (4): probably typed on the way to it
            WordsStartingWith agree = service.wordsStartingWith("agree").orElseThrow();
            assertThat(agree.documents()).isEqualTo(1);
            assertThat(agree.longerDocuments()).isEqualTo(4);
            assertThat(agree.probablyFinished()).isFalse();
            assertThat(service.wordsStartingWith("agreement").orElseThrow().probablyFinished()).isTrue();
            // not a single word, or too long to be one: nothing
            for (String notAWord : List.of("", "camb*", "camb odia", "12", "x".repeat(WordsStartingWith.MAX_PREFIX_CHARS + 1))) {
                assertThat(service.wordsStartingWith(notAWord)).as(notAWord).isEmpty();
            }
        }
    }
}
