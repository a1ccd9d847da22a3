package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.corpus.CorpusReader;
import org.parley.search.ArticleView;
import org.parley.search.Hit;
import org.parley.search.ParagraphView;
import org.parley.search.SearchRequest;
import org.parley.search.SearchResult;

class IndexBuilderTest {
    @TempDir
    Path tmp;
    Path index;
    TestCorpus corpus;

    @BeforeEach
    void setUp() throws IOException {
        index = tmp.resolve("index");
        corpus = TestCorpus.create(tmp.resolve("corpus"));
    }

    @Test
    void theIndexingBufferIs384MbAQuarterOfTheHeapAtMostOrWhatIsSet() {
        long mb = 1024L * 1024L;
        assertThat(IndexBuilder.ramBufferMb(null, 6144 * mb)).isEqualTo(384);
        assertThat(IndexBuilder.ramBufferMb(null, 512 * mb)).isEqualTo(128);
        assertThat(IndexBuilder.ramBufferMb(null, 32 * mb)).isEqualTo(16);
        assertThat(IndexBuilder.ramBufferMb("64", 6144 * mb)).isEqualTo(64);
    }

    @Test
    void buildsOneDocumentPerSearchableParagraphFromTheBundledCorpus() throws Exception {
        Path bundled = Path.of("corpus");
        BuildReport report = new IndexBuilder(new IndexLocation(index)).build(bundled);

        int expected = 0;
        for (Path f : CorpusReader.listFiles(bundled)) expected += new CorpusReader().read(f).searchableParagraphs().size();
        assertThat(report.articles()).isEqualTo(5);
        assertThat(report.paragraphs()).isEqualTo(expected).isPositive();
        assertThat(report.skipped()).isEmpty();
        assertThat(report.full()).isTrue();
        try (LuceneSearchService service = LuceneSearchService.open(index)) {
            assertThat(service.stats().paragraphs()).isEqualTo(expected);
            assertThat(service.stats().articles()).isEqualTo(5);
            assertThat(service.search(SearchRequest.of("")).total()).isEqualTo(expected);
            assertThat(service.search(SearchRequest.of("Russia")).total()).isPositive();
        }
    }

    @Test
    void articleDocumentKeepsEveryParagraphButOnlySearchableOnesAreIndexed() throws Exception {
        corpus.build(index);
        try (LuceneSearchService service = LuceneSearchService.open(index)) {
            ArticleView article = service.article("syn_relation").orElseThrow();
            assertThat(article.title()).isEqualTo("A single relation");
            assertThat(article.paragraphs()).extracting(ParagraphView::kind).contains("caption", "body");
            // the caption mentions Bangkok; it must not be searchable
            assertThat(service.search(SearchRequest.of("handshake")).total()).isZero();
            assertThat(service.article("no-such-article")).isEmpty();
        }
    }

    @Test
    void everyDocumentHasATextNormButOnlyParagraphsCountInTheTextStatistics() throws Exception {
        corpus.build(index);
        Path generation = new IndexLocation(index).generations().getLast();
        try (org.apache.lucene.store.Directory dir = org.apache.lucene.store.FSDirectory.open(generation);
             org.apache.lucene.index.DirectoryReader reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
            int paragraphs = new org.apache.lucene.search.IndexSearcher(reader).count(IndexSchema.paragraphsOnly());
            assertThat(paragraphs).isPositive().isLessThan(reader.numDocs()); // article documents too
            for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
                // dense norms: scoring reads a match's norm without searching a sparse doc-id set
                org.apache.lucene.index.NumericDocValues norms = leaf.reader().getNormValues(IndexSchema.TEXT);
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) assertThat(norms.advanceExact(doc)).as("doc " + doc).isTrue();
            }
            // BM25's document count and average length come from the terms: the articles' empty text adds nothing
            org.apache.lucene.index.Terms text = org.apache.lucene.index.MultiTerms.getTerms(reader, IndexSchema.TEXT);
            assertThat(text.getDocCount()).isEqualTo(paragraphs);
            long tokens = 0;
            org.apache.lucene.index.TermsEnum it = text.iterator();
            while (it.next() != null) tokens += it.totalTermFreq();
            assertThat(text.getSumTotalTermFreq()).isEqualTo(tokens);
        }
    }

    @Test
    void badFilesAreReportedAndSkippedAndTheRestIndexed() throws Exception {
        Files.write(corpus.dir().resolve("empty.txt"), new byte[0]);
        Files.write(corpus.dir().resolve("binary.txt"), new byte[] {0, 1, 2, 3, 0, 0, 5});
        BuildReport report = corpus.build(index);
        assertThat(report.skipped()).extracting(BuildReport.Skipped::file).containsExactlyInAnyOrder("empty.txt", "binary.txt");
        assertThat(report.skipped()).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
        assertThat(report.paragraphs()).isEqualTo(corpus.expectedParagraphs().size());
    }

    @Test
    void anIndexFolderInsideTheCorpusIsNotReadAsCorpusFiles() throws Exception {
        // serve --watch --index corpus/idx: the watcher ignores the index folder, so the build must too, else its own
        // CURRENT pointer becomes an article and every Lucene file is reported (and re-hashed) as a skipped corpus file
        Path inside = corpus.dir().resolve("idx");
        BuildReport first = corpus.build(inside);
        BuildReport second = corpus.build(inside);
        Files.writeString(corpus.dir().resolve("late.txt"), "A late story\n\nThe delegates spoke about Peru.\n");
        BuildReport third = corpus.build(inside);
        for (BuildReport r : List.of(first, second, third)) {
            assertThat(r.skipped()).extracting(BuildReport.Skipped::file).noneMatch(f -> f.startsWith("idx"));
        }
        assertThat(second.switched()).as("nothing but the index changed").isFalse();
        assertThat(third.processed()).isEqualTo(1);
        assertThat(third.articles()).isEqualTo(first.articles() + 1);
        try (LuceneSearchService service = LuceneSearchService.open(inside)) {
            assertThat(service.article("CURRENT")).isEmpty();
        }
    }

    @Test
    void filesWithTheSameNameInOtherFoldersAreIndexedUnderTheIdOfTheirPath() throws Exception {
        Files.createDirectories(corpus.dir().resolve("sub"));
        Files.writeString(corpus.dir().resolve("sub/syn_relation.txt"), "Another text entirely\nThe delegates spoke about Japan.\n");
        BuildReport report = corpus.build(index);
        // the first path in sorted order keeps the name's id; the other gets its path's, not merged, not skipped
        assertThat(report.skipped()).isEmpty();
        assertThat(report.articles()).isEqualTo(9);
        try (LuceneSearchService service = LuceneSearchService.open(index)) {
            assertThat(service.article("sub-syn_relation")).hasValueSatisfying(a -> assertThat(a.paragraphs().get(1).text()).contains("Japan"));
            assertThat(service.article("syn_relation")).hasValueSatisfying(a -> assertThat(a.paragraphs().get(1).text()).doesNotContain("Japan"));
        }
        // a rebuild after a third file of that name joins renames nothing already indexed
        Files.createDirectories(corpus.dir().resolve("a"));
        Files.writeString(corpus.dir().resolve("a/syn_relation.txt"), "A third text\nThe delegates spoke about Peru.\n");
        assertThat(corpus.build(index).skipped()).isEmpty();
        try (LuceneSearchService service = LuceneSearchService.open(index)) {
            assertThat(service.article("a-syn_relation")).hasValueSatisfying(a -> assertThat(a.paragraphs().get(1).text()).contains("Peru"));
            assertThat(service.article("sub-syn_relation")).hasValueSatisfying(a -> assertThat(a.paragraphs().get(1).text()).contains("Japan"));
            assertThat(service.article("syn_relation")).hasValueSatisfying(a -> assertThat(a.paragraphs().get(1).text()).doesNotContain("Peru"));
        }
    }

    @Test
    void anEditedFileKeepsItsArticleIdWhenItsNamesakeIsRemovedInTheSameBuild() throws Exception {
        // serve --watch batches changes: "rm a/story.txt" and an edit of "b/story.txt" made one build, which gave
        // b/story.txt the freed id "story", so /api/articles/b-story, linked and bookmarked, answered 404
        Files.createDirectories(corpus.dir().resolve("sub"));
        Files.writeString(corpus.dir().resolve("sub/syn_relation.txt"), "Another text entirely\nThe delegates spoke about Japan.\n");
        corpus.build(index);
        Files.delete(corpus.dir().resolve("syn_relation.txt"));
        Files.writeString(corpus.dir().resolve("sub/syn_relation.txt"), "Another text, edited\nThe delegates spoke about Peru.\n");
        BuildReport report = corpus.build(index);
        assertThat(report.processed()).isEqualTo(1);
        try (LuceneSearchService service = LuceneSearchService.open(index)) {
            assertThat(service.article("sub-syn_relation")).hasValueSatisfying(a -> assertThat(a.paragraphs().get(1).text()).contains("Peru"));
            assertThat(service.article("syn_relation")).isEmpty();
        }
    }

    @Test
    void articlesWithTheSameTitleAreKeptApart() throws Exception {
        String story = "Talks Resume in Geneva\nDelegates from Laos and Thailand met again on Monday.\n";
        Files.writeString(corpus.dir().resolve("same_title_a.txt"), story);
        Files.writeString(corpus.dir().resolve("same_title_b.txt"), story.replace("Monday", "Friday"));
        BuildReport report = corpus.build(index);
        assertThat(report.skipped()).isEmpty();
        try (LuceneSearchService service = LuceneSearchService.open(index)) {
            SearchResult r = service.search(SearchRequest.of("title:Geneva"));
            assertThat(r.hits()).extracting(Hit::articleId).containsExactlyInAnyOrder("same_title_a", "same_title_b");
            assertThat(service.article("same_title_a")).hasValueSatisfying(a -> assertThat(a.paragraphs().get(1).text()).contains("Monday"));
            assertThat(service.article("same_title_b")).hasValueSatisfying(a -> assertThat(a.paragraphs().get(1).text()).contains("Friday"));
        }
    }

    @Test
    void titleQueriesFindEveryParagraphOfTheMatchingArticlesAcrossIncrementalBuilds() throws Exception {
        Files.writeString(corpus.dir().resolve("geneva_a.txt"), "Talks Resume in Geneva\nDelegates met on Monday.\nThey met again on Tuesday.\n");
        Files.writeString(corpus.dir().resolve("geneva_b.txt"), "Geneva Talks Stall\nNo progress on Friday.\n");
        corpus.build(index);
        try (LuceneSearchService service = LuceneSearchService.open(index)) {
            long a = service.search(SearchRequest.of("article:geneva_a")).total();
            long b = service.search(SearchRequest.of("article:geneva_b")).total();
            assertThat(a).isGreaterThanOrEqualTo(2);
            SearchResult r = service.search(SearchRequest.of("title:geneva"));
            assertThat(r.total()).isEqualTo(a + b);
            assertThat(r.hits()).extracting(Hit::articleId).containsOnly("geneva_a", "geneva_b");
            assertThat(service.search(SearchRequest.of("title:talk AND friday")).hits()).extracting(Hit::articleId).containsExactly("geneva_b");
            assertThat(service.search(SearchRequest.of("title:\"resume in geneva\"")).total()).isEqualTo(a);
            assertThat(service.search(SearchRequest.of("title:resum*")).total()).isEqualTo(a);
        }
        // an incremental build deletes the changed article's block and adds it again at the end of the index
        Files.writeString(corpus.dir().resolve("geneva_a.txt"), "Talks Move to Vienna\nDelegates met on Monday.\n");
        BuildReport second = corpus.build(index);
        assertThat(second.full()).isFalse();
        try (LuceneSearchService service = LuceneSearchService.open(index)) {
            assertThat(service.search(SearchRequest.of("title:geneva")).hits()).extracting(Hit::articleId).containsOnly("geneva_b");
            assertThat(service.search(SearchRequest.of("title:geneva")).total()).isEqualTo(service.search(SearchRequest.of("article:geneva_b")).total());
            assertThat(service.search(SearchRequest.of("title:vienna")).total())
                    .isEqualTo(service.search(SearchRequest.of("article:geneva_a")).total()).isPositive();
            assertThat(service.search(SearchRequest.of("title:vienna")).hits()).extracting(Hit::title).containsOnly("Talks Move to Vienna");
        }
    }

    @Test
    void unchangedCorpusIsNotReprocessed() throws Exception {
        BuildReport first = corpus.build(index);
        BuildReport second = corpus.build(index);
        assertThat(second.switched()).isFalse();
        assertThat(second.processed()).isZero();
        assertThat(second.unchanged()).isEqualTo(8);
        assertThat(second.paragraphs()).isEqualTo(first.paragraphs());
        assertThat(new IndexLocation(index).current()).contains(first.generation());
    }

    @Test
    void touchedButIdenticalFileIsNotReprocessed() throws Exception {
        corpus.build(index);
        Path f = corpus.dir().resolve("syn_relation.txt");
        Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 60_000));
        BuildReport second = corpus.build(index);
        assertThat(second.processed()).isZero();
    }

    @Test
    void aFileSavedAgainWithinTheSameSecondAsTheBuildIsNotKeptStale() throws Exception {
        // where times have a one-second grain (FAT, SMB and NFS shares, some container mounts), a file saved again in the
        // second a build read it (a typo fixed: same size) looked unchanged to every later build: its old text stayed
        // searchable and the new one never was. The second is simulated by setting the same time on both saves.
        Path f = corpus.dir().resolve("syn_typo.txt");
        FileTime second = FileTime.fromMillis(System.currentTimeMillis() / 1000 * 1000);
        Files.writeString(f, "A typo\n\nThe delegates met in Vientaine.\n");
        Files.setLastModifiedTime(f, second);
        corpus.build(index);
        Files.writeString(f, "A typo\n\nThe delegates met in Vientiane.\n");
        Files.setLastModifiedTime(f, second);
        BuildReport fixed = corpus.build(index);
        assertThat(fixed.processed()).isEqualTo(1);
        try (LuceneSearchService service = LuceneSearchService.open(index)) {
            assertThat(service.search(SearchRequest.of("Vientiane")).total()).isEqualTo(1);
            assertThat(service.search(SearchRequest.of("Vientaine")).total()).isZero();
        }
        // once its time is older than the build that read it, an unchanged file is no longer read again
        Files.setLastModifiedTime(f, FileTime.fromMillis(second.toMillis() - 60_000));
        corpus.build(index);
        assertThat(corpus.build(index).processed()).isZero();
    }

    @Test
    void onlyModifiedAddedAndRemovedFilesAreReprocessed() throws Exception {
        BuildReport first = corpus.build(index);
        try (LuceneSearchService service = LuceneSearchService.open(new IndexLocation(index), 60_000)) {
            // modify one file
            Files.writeString(corpus.dir().resolve("syn_undated.txt"), "Zanzibar talks resumed in Cambodia.\n");
            BuildReport modified = corpus.build(index);
            assertThat(modified.switched()).isTrue();
            assertThat(modified.full()).isFalse();
            assertThat(modified.processed()).isEqualTo(1);
            assertThat(modified.unchanged()).isEqualTo(7);
            assertThat(modified.paragraphs()).isEqualTo(first.paragraphs() - 2 + 1);
            service.refresh();
            assertThat(service.search(SearchRequest.of("zanzibar")).total()).isEqualTo(1);
            assertThat(service.search(SearchRequest.of("\"border talks\"")).total()).isZero();

            // add one file
            Files.writeString(corpus.dir().resolve("syn_added.txt"), "Quokka diplomacy between Japan and China.\n");
            BuildReport added = corpus.build(index);
            assertThat(added.processed()).isEqualTo(1);
            assertThat(added.unchanged()).isEqualTo(8);
            service.refresh();
            assertThat(service.search(SearchRequest.of("quokka")).total()).isEqualTo(1);

            // remove one file
            Files.delete(corpus.dir().resolve("syn_relation.txt"));
            BuildReport removed = corpus.build(index);
            assertThat(removed.processed()).isZero();
            assertThat(removed.removed()).isEqualTo(1);
            service.refresh();
            assertThat(service.article("syn_relation")).isEmpty();
            assertThat(service.stats().articles()).isEqualTo(8);
            assertThat(service.stats().paragraphs()).isEqualTo(corpus.expectedParagraphs().size());
        }
    }

    @Test
    void failedBuildLeavesThePreviousIndexServed() throws Exception {
        BuildReport first = corpus.build(index);
        IndexLocation location = new IndexLocation(index);
        try (LuceneSearchService service = LuceneSearchService.open(location, 60_000)) {
            Files.writeString(corpus.dir().resolve("syn_new.txt"), "Wombat summit in Laos.\n");
            Files.writeString(corpus.dir().resolve("syn_undated.txt"), "Rewritten completely.\n");
            Files.delete(corpus.dir().resolve("syn_script.txt"));
            AtomicInteger calls = new AtomicInteger();
            IndexBuilder failing = corpus.builder(index).withListener(new IndexBuilder.Listener() {
                @Override
                public void fileDone(int done, int total, String file) {
                    if (calls.incrementAndGet() == 1) throw new IllegalStateException("simulated crash mid-build");
                }
            });
            assertThatThrownBy(() -> failing.build(corpus.dir())).hasMessageContaining("simulated crash");

            assertThat(location.current()).contains(first.generation());
            assertThat(location.generations()).containsExactly(first.generation()); // the half-built one is gone
            service.refresh();
            assertThat(service.stats().paragraphs()).isEqualTo(first.paragraphs());
            assertThat(service.search(SearchRequest.of("wombat")).total()).isZero();
            assertThat(service.article("syn_script")).isPresent();

            // the next build completes and is picked up
            BuildReport next = corpus.build(index);
            assertThat(next.switched()).isTrue();
            service.refresh();
            assertThat(service.search(SearchRequest.of("wombat")).total()).isEqualTo(1);
            assertThat(service.article("syn_script")).isEmpty();
        }
    }

    @Test
    void aFileThatExhaustsTheHeapIsSkippedAndRetriedNotFailingEveryBuild() throws Exception {
        // serve --watch -Xmx512m with a 60 MB text dropped in: the enricher ran out of memory on it, the build failed,
        // and every later build (retried by the watcher) failed the same way, so no other file was indexed again
        corpus.build(index);
        Files.writeString(corpus.dir().resolve("huge.txt"), "A huge story\n\nToo much text about Laos.\n");
        Files.writeString(corpus.dir().resolve("syn_good.txt"), "A good story\n\nThe wombat summit in Laos.\n");
        AtomicInteger hugeTries = new AtomicInteger();
        boolean[] heapIsLarger = {false};
        IndexBuilder smallHeap = corpus.builder(index).withEnrichment(a -> {
            if (a.id().equals("huge") && !heapIsLarger[0]) {
                hugeTries.incrementAndGet();
                throw new OutOfMemoryError("Java heap space (simulated)");
            }
            return TestCorpus.enrich(a);
        });
        BuildReport report = smallHeap.build(corpus.dir());
        assertThat(report.switched()).isTrue();
        assertThat(report.skipped()).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo("huge.txt");
            assertThat(s.reason()).contains("out of memory");
        });
        try (LuceneSearchService service = LuceneSearchService.open(index)) {
            assertThat(service.search(SearchRequest.of("wombat")).total()).isEqualTo(1);
            assertThat(service.article("huge")).isEmpty();
        }
        // tried again at the next build, not kept out until it changes: the heap may have been raised meanwhile
        Files.writeString(corpus.dir().resolve("syn_later.txt"), "A later story\n\nThe quokka summit in Laos.\n");
        BuildReport later = smallHeap.build(corpus.dir());
        assertThat(hugeTries.get()).isEqualTo(2);
        assertThat(later.skipped()).extracting(BuildReport.Skipped::file).containsExactly("huge.txt");
        heapIsLarger[0] = true;
        BuildReport fixed = smallHeap.build(corpus.dir());
        assertThat(fixed.skipped()).isEmpty();
        try (LuceneSearchService service = LuceneSearchService.open(index)) {
            assertThat(service.search(SearchRequest.of("quokka")).total()).isEqualTo(1);
            assertThat(service.article("huge")).isPresent();
        }
    }

    @Test
    void leftoversOfAKilledBuildAreIgnoredAndCleanedUp() throws Exception {
        BuildReport first = corpus.build(index);
        Path partial = index.resolve("gen-000099");
        Files.createDirectories(partial);
        Files.writeString(partial.resolve("_0.cfs"), "half written", StandardCharsets.UTF_8);
        IndexLocation location = new IndexLocation(index);
        assertThat(location.current()).contains(first.generation());
        try (LuceneSearchService service = LuceneSearchService.open(index)) {
            assertThat(service.stats().paragraphs()).isEqualTo(first.paragraphs());
        }
        Files.writeString(corpus.dir().resolve("syn_new.txt"), "Wombat summit in Laos.\n");
        BuildReport next = corpus.build(index);
        assertThat(Files.exists(partial)).isFalse();
        assertThat(location.generations()).containsExactly(first.generation(), next.generation());
        assertThat(location.current()).contains(next.generation());
    }

    @Test
    void aCorruptNewGenerationIsRefusedAndTheCurrentOneKeepsServing() throws Exception {
        BuildReport first = corpus.build(index);
        try (LuceneSearchService service = LuceneSearchService.open(new IndexLocation(index), 60_000)) {
            Path broken = Files.createDirectories(index.resolve("gen-000050"));
            Files.writeString(broken.resolve("segments_1"), "garbage");
            Files.writeString(index.resolve(IndexLocation.POINTER), "gen-000050\n");
            assertThatThrownBy(service::refresh).hasMessageContaining("run ./parley index");
            assertThat(service.generation()).isEqualTo(first.generation().getFileName().toString());
            assertThat(service.search(SearchRequest.of("Cambodia")).total()).isPositive();
        }
        assertThatThrownBy(() -> LuceneSearchService.open(index)).hasMessageContaining("corrupted");
    }

    @Test
    void anotherBuildCannotRunAtTheSameTime() throws Exception {
        IndexLocation location = new IndexLocation(index);
        try (var lock = location.lockForBuild()) {
            assertThatThrownBy(() -> corpus.build(index)).hasMessageContaining("another build");
        }
    }

    @Test
    void openingWithoutAnIndexSaysWhatToDo() {
        assertThatThrownBy(() -> LuceneSearchService.open(index)).hasMessageContaining("parley index");
    }

    @Test
    void searchesKeepWorkingWhileNewBuildsAreSwitchedIn() throws Exception {
        corpus.build(index);
        try (LuceneSearchService service = LuceneSearchService.open(new IndexLocation(index), 5)) {
            AtomicInteger errors = new AtomicInteger();
            AtomicInteger searches = new AtomicInteger();
            Thread reader = new Thread(() -> {
                long end = System.nanoTime() + 3_000_000_000L;
                while (System.nanoTime() < end) {
                    try {
                        SearchResult r = service.search(SearchRequest.of("Cambodia"));
                        if (r.total() <= 0) errors.incrementAndGet();
                        searches.incrementAndGet();
                    } catch (Exception | AssertionError e) {
                        errors.incrementAndGet();
                    }
                }
            });
            reader.start();
            for (int i = 0; i < 4; i++) {
                Files.writeString(corpus.dir().resolve("syn_loop.txt"), "Loop " + i + " in Cambodia " + "x".repeat(i) + ".\n");
                corpus.build(index);
            }
            reader.join();
            assertThat(errors.get()).isZero();
            assertThat(searches.get()).isPositive();
            service.refresh();
            assertThat(service.search(SearchRequest.of("loop")).total()).isEqualTo(1);
        }
    }

    @Test
    void theManifestIsAFileOfTheGenerationNotPartOfTheCommitEveryReaderHolds() throws Exception {
        BuildReport first = corpus.build(index);
        try (org.apache.lucene.store.Directory dir = org.apache.lucene.store.FSDirectory.open(first.generation());
             org.apache.lucene.index.DirectoryReader reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
            assertThat(reader.getIndexCommit().getUserData()).containsKey(IndexBuilder.USER_FINGERPRINT)
                    .doesNotContainKey(IndexBuilder.USER_MANIFEST);
            CorpusManifest manifest = CorpusManifest.read(dir, IndexBuilder.MANIFEST_FILE);
            assertThat(manifest).isNotNull();
            assertThat(manifest.entries()).hasSize(8).containsKey("syn_relation.txt");
        }
        // an incremental build writes its own manifest, not the previous one's through a hard link
        Files.writeString(corpus.dir().resolve("added.txt"), "Quokka diplomacy between Japan and China.\n");
        BuildReport second = corpus.build(index);
        assertThat(second.processed()).isEqualTo(1);
        try (org.apache.lucene.store.Directory dir = org.apache.lucene.store.FSDirectory.open(second.generation())) {
            assertThat(CorpusManifest.read(dir, IndexBuilder.MANIFEST_FILE).entries()).hasSize(9);
        }
        try (org.apache.lucene.store.Directory dir = org.apache.lucene.store.FSDirectory.open(first.generation())) {
            assertThat(CorpusManifest.read(dir, IndexBuilder.MANIFEST_FILE).entries()).hasSize(8);
        }
    }

    @Test
    void aDamagedManifestMakesTheNextBuildFullWithoutDuplicatingDocuments() throws Exception {
        BuildReport first = corpus.build(index);
        Path manifest = first.generation().resolve(IndexBuilder.MANIFEST_FILE);
        byte[] bytes = Files.readAllBytes(manifest);
        bytes[bytes.length / 2] ^= 0x20; // still JSON-ish, but the checksum no longer matches
        Files.delete(manifest); // a hard link of a later generation must not see the change: replace, not modify
        Files.write(manifest, bytes);
        try (org.apache.lucene.store.Directory dir = org.apache.lucene.store.FSDirectory.open(first.generation())) {
            assertThat(CorpusManifest.read(dir, IndexBuilder.MANIFEST_FILE)).isNull();
        }
        Files.writeString(corpus.dir().resolve("added.txt"), "Quokka diplomacy between Japan and China.\n");
        BuildReport second = corpus.build(index);
        assertThat(second.full()).isTrue();
        assertThat(second.processed()).isEqualTo(9);
        assertThat(second.articles()).isEqualTo(first.articles() + 1);
    }

    @Test
    void manifestRoundTripsThroughItsFile() throws Exception {
        CorpusManifest m = new CorpusManifest();
        for (int i = 0; i < 3000; i++) m.put("d/" + i + ".txt", new CorpusManifest.Entry(10 + i, 20, "abc" + i, "a" + i, i % 7 == 0 ? "bad" : null, 3));
        try (org.apache.lucene.store.Directory dir = new org.apache.lucene.store.ByteBuffersDirectory()) {
            assertThat(CorpusManifest.read(dir, "m")).isNull();
            m.write(dir, "m");
            assertThat(CorpusManifest.read(dir, "m").entries()).isEqualTo(m.entries());
        }
    }

    @Test
    void manifestRoundTripsThroughJson() {
        CorpusManifest m = new CorpusManifest();
        m.put("a.txt", new CorpusManifest.Entry(10, 20, "abc", "a", null, 3));
        CorpusManifest back = CorpusManifest.fromJson(m.toJson());
        assertThat(back.entries()).isEqualTo(Map.of("a.txt", m.get("a.txt")));
        assertThat(CorpusManifest.fromJson("not json").entries()).isEmpty();
        assertThat(Optional.ofNullable(CorpusManifest.fromJson(null).get("x"))).isEmpty();
        assertThat(List.of()).isEmpty();
    }
}
