package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.bench.CorpusGenerator;
import org.parley.index.BuildReport;
import org.parley.index.IndexBuilder;
import org.parley.index.IndexLocation;

/** {@code bench corpus --format}: the same generated articles in every format index to the same articles and paragraphs. */
class BenchFormatsTest {
    @TempDir
    Path dir;

    @Test
    void everyFormatHoldsTheSameArticlesAsText() throws Exception {
        CorpusGenerator g = new CorpusGenerator(7, Path.of("corpus"));
        BuildReport text = null;
        for (CorpusGenerator.Format f : CorpusGenerator.Format.values()) {
            Path corpus = dir.resolve(f.name() + "-corpus");
            CorpusGenerator.Summary s = g.generate(1_200, corpus, f);
            assertThat(s.bytes()).isPositive();
            BuildReport r = new IndexBuilder(new IndexLocation(dir.resolve(f.name() + "-index"))).build(corpus);
            assertThat(r.skipped()).as(f.name()).isEmpty();
            if (text == null) {
                text = r;
                continue;
            }
            assertThat(r.articles()).as(f.name() + " articles").isEqualTo(text.articles());
            assertThat(r.paragraphs()).as(f.name() + " paragraphs").isEqualTo(text.paragraphs());
        }
    }
}
