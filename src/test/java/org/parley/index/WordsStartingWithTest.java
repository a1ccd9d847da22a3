package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.search.WordsStartingWith;

/** The indexed words a typed prefix begins, as instant search asks for them. */
class WordsStartingWithTest {
    @TempDir
    Path dir;

    @Test
    void listsEveryIndexedWordOfAPrefixUpToTheLimitAndNoneBeyond() throws IOException {
        // one more word starting with "zq" than a list may hold; 26 of them start with "zqa"
        List<String> words = new ArrayList<>();
        for (char a = 'a'; words.size() <= WordsStartingWith.MAX_WORDS; a++) {
            for (char b = 'a'; b <= 'z' && words.size() <= WordsStartingWith.MAX_WORDS; b++) words.add("zq" + a + b);
        }
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("words.txt"), "Words\n\n" + String.join(" ", words) + " Zürich zurich.\n\nCamber and Cambodia.\n");
        Path index = dir.resolve("index");
        new IndexBuilder(new IndexLocation(index)).build(corpus);
        try (LuceneSearchService service = LuceneSearchService.open(index)) {
            assertThat(service.wordsStartingWith("zq")).as("more than the limit").isEmpty();
            List<String> zqa = words.stream().filter(w -> w.startsWith("zqa")).toList();
            assertThat(service.wordsStartingWith("ZQA")).contains(new WordsStartingWith("zqa", zqa));
            // the typed word itself when indexed; folded as the index folds ("Zürich" is indexed as "zurich")
            assertThat(service.wordsStartingWith("Cambodia").orElseThrow().words()).containsExactly("cambodia");
            assertThat(service.wordsStartingWith("camb").orElseThrow().words()).containsExactly("camber", "cambodia");
            assertThat(service.wordsStartingWith("zür")).contains(new WordsStartingWith("zur", List.of("zurich")));
            assertThat(service.wordsStartingWith("cambodian").orElseThrow().words()).isEmpty();
            // not a single word, or too long to be one: no list
            for (String notAWord : List.of("", "camb*", "camb odia", "12", "x".repeat(WordsStartingWith.MAX_PREFIX_CHARS + 1))) {
                assertThat(service.wordsStartingWith(notAWord)).as(notAWord).isEmpty();
            }
        }
    }
}
