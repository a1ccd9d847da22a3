package org.parley.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Scores the enrichment against hand-checked gold metadata, as shared/eval/score.py does, and holds the floors. */
class GoldScoreTest {
    private static final double COUNTRIES_FLOOR = 0.98;
    private static final double YEARS_FLOOR = 0.97;
    private static final double SPEAKERS_FLOOR = 0.90;
    // The world set (issue 13; before its fixes 0.972 / 0.964 / 0.646 on the first 28 articles). The floors
    // on unseen world news are 0.98 / 0.98 / 0.88; the development set holds more.
    private static final double WORLD_COUNTRIES_FLOOR = 0.98;
    private static final double WORLD_YEARS_FLOOR = 0.98;
    private static final double WORLD_SPEAKERS_FLOOR = 0.95;

    @Test
    void seedCorpusMeetsTheFloors() throws Exception {
        GoldScorer.Result r = GoldScorer.score(Path.of("corpus"), "gold-seeds.jsonl");
        System.out.println("seed gold: " + r.fields() + " matched " + r.matched() + "/" + r.total());
        r.misses().forEach(m -> System.out.println("  miss " + m));
        assertThat(r.matched()).isGreaterThanOrEqualTo(r.total() - 1);
        assertThat(r.f1("countries")).as("countries F1").isGreaterThanOrEqualTo(COUNTRIES_FLOOR);
        assertThat(r.f1("years")).as("years F1").isGreaterThanOrEqualTo(YEARS_FLOOR);
        assertThat(r.f1("speakers")).as("speakers F1").isGreaterThanOrEqualTo(SPEAKERS_FLOOR);
    }

    /** Articles written for these tests (other countries, speakers and sentence shapes than the seeds). */
    @Test
    void ownArticlesMeetTheFloors() throws Exception {
        GoldScorer.Result r = GoldScorer.score(Path.of("src/test/resources/org/parley/enrich/articles"), "gold-own-articles.jsonl");
        System.out.println("own gold: " + r.fields() + " matched " + r.matched() + "/" + r.total());
        r.misses().forEach(m -> System.out.println("  miss " + m));
        assertThat(r.matched()).isEqualTo(r.total());
        assertThat(r.f1("countries")).as("countries F1").isGreaterThanOrEqualTo(COUNTRIES_FLOOR);
        assertThat(r.f1("years")).as("years F1").isGreaterThanOrEqualTo(YEARS_FLOOR);
        assertThat(r.f1("speakers")).as("speakers F1").isGreaterThanOrEqualTo(SPEAKERS_FLOOR);
    }

    /**
     * World news written for these tests (US, Europe, Russia/Ukraine, the Sahel, the Gulf, Korea, Latin America,
     * the Balkans; wire copy, releases, joint statements, transcripts, speeches, op-eds, live blogs, features).
     */
    @Test
    void worldArticlesMeetTheFloors() throws Exception {
        GoldScorer.Result r = GoldScorer.score(Path.of("src/test/resources/org/parley/enrich/world"), "gold-world.jsonl");
        System.out.println("world gold: " + r.fields() + " matched " + r.matched() + "/" + r.total());
        r.misses().forEach(m -> System.out.println("  miss " + m));
        assertThat(r.matched()).isEqualTo(r.total());
        assertThat(r.f1("countries")).as("countries F1").isGreaterThanOrEqualTo(WORLD_COUNTRIES_FLOOR);
        assertThat(r.f1("years")).as("years F1").isGreaterThanOrEqualTo(WORLD_YEARS_FLOOR);
        assertThat(r.f1("speakers")).as("speakers F1").isGreaterThanOrEqualTo(WORLD_SPEAKERS_FLOOR);
    }
}
