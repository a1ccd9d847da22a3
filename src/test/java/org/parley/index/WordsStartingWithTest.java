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
            // all in one paragraph each: the first MAX_WORDS in dictionary order are listed, the last one is not
            assertThat(zq.words()).hasSize(WordsStartingWith.MAX_WORDS).doesNotContainKey(words.getLast())
                    .containsKeys(words.getFirst(), words.get(WordsStartingWith.MAX_WORDS - 1));
            assertThat(zq.unlistedDocuments()).isEqualTo(1);
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

    /**
     * More words than a list holds: the ones in most documents are listed, and the most documents of any word left
     * out bounds the rest, so a client can tell "trad" is only a beginning from "tra"'s list.
     */
    @Test
    void aPrefixOfManyWordsListsTheMostFrequentAndBoundsTheOthers() throws IOException {
        StringBuilder text = new StringBuilder("Words\n\n");
        List<String> rare = new ArrayList<>();
        for (char a = 'a'; rare.size() < WordsStartingWith.MAX_WORDS + 20; a++) {
            for (char b = 'a'; b <= 'z' && rare.size() < WordsStartingWith.MAX_WORDS + 20; b++) rare.add("trx" + a + b);
        }
        text.append(String.join(" ", rare)).append(".\n\n");
        for (int i = 0; i < 30; i++) text.append("The trade talks went on.\n\n");
        for (int i = 0; i < 3; i++) text.append("A trader and a tradition of trade.\n\n"); // trade 33, trader 3, tradition 3
        text.append("Trxzz trxzz trxaa.\n\n"); // trxaa in 2 paragraphs, trxzz in 1
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("words.txt"), text.toString());
        Path index = dir.resolve("index");
        new IndexBuilder(new IndexLocation(index)).build(corpus);
        try (LuceneSearchService service = LuceneSearchService.open(index)) {
            WordsStartingWith tr = service.wordsStartingWith("tr").orElseThrow();
            assertThat(tr.complete()).isFalse();
            assertThat(tr.words()).hasSize(WordsStartingWith.MAX_WORDS)
                    .containsEntry("trade", 33L).containsEntry("trader", 3L).containsEntry("tradition", 3L)
                    .containsEntry("trxaa", 2L);
            // every listed word is in at least as many paragraphs as any left out, which are in 1
            assertThat(tr.unlistedDocuments()).isEqualTo(1);
            assertThat(tr.words().values()).allMatch(d -> d >= tr.unlistedDocuments());
            // a list ranks the words in most documents, ties going to the first in dictionary order
            List<String> ones = new ArrayList<>(rare.subList(1, rare.size()));
            ones.add("trxzz");
            ones.sort(null);
            int slotsForOnes = WordsStartingWith.MAX_WORDS - 4; // trade, trader, tradition, trxaa
            assertThat(tr.words().keySet()).containsAll(ones.subList(0, slotsForOnes)).doesNotContainAnyElementsOf(ones.subList(slotsForOnes, ones.size()));
            WordsStartingWith trad = service.wordsStartingWith("trad").orElseThrow();
            assertThat(trad.complete()).isTrue();
            assertThat(trad.unlistedDocuments()).isZero();
            assertThat(trad.words()).containsOnlyKeys("trade", "trader", "tradition");
        }
    }
}
