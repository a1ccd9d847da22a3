package org.parley.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.parley.search.SortOrder;

/**
 * {@code group=article}: collapses matching paragraphs to their article, keeping the best paragraph (by the
 * request's sort) and the number of matching paragraphs.
 *
 * <p>Groups are found per segment with ordinal-indexed arrays (no hashing per hit). An article's paragraphs are
 * added as one block, in paragraph order, so ties within a segment are broken by doc id. Partial groups of the
 * same article from different segments (which blocks make impossible today) are still merged by article id, so
 * the result does not depend on how documents were added.
 */
final class ArticleGrouping implements CollectorManager<ArticleGrouping.GroupCollector, List<ArticleGrouping.Group>> {
    /** One article's matches: its best paragraph and how many matched. */
    record Group(String articleId, int bestDoc, float score, long date, String sortKey, int hits) {
    }

    private final SortOrder sort;

    ArticleGrouping(SortOrder sort) {
        this.sort = sort;
    }

    /** Group order, the same as the paragraph sort: score or date, then the unique sort key. */
    static Comparator<Group> order(SortOrder sort) {
        Comparator<Group> byKey = Comparator.comparing(Group::sortKey);
        return switch (sort) {
            case RELEVANCE -> Comparator.comparingDouble((Group g) -> -g.score()).thenComparing(byKey);
            case DATE_ASC -> Comparator.comparingLong(Group::date).thenComparing(byKey);
            case DATE_DESC -> Comparator.comparingLong((Group g) -> g.date()).reversed().thenComparing(byKey);
        };
    }

    /** The date a paragraph without one sorts as: last in either direction. */
    static long missingDate(SortOrder sort) {
        return sort == SortOrder.DATE_DESC ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    @Override
    public GroupCollector newCollector() {
        return new GroupCollector();
    }

    @Override
    public List<Group> reduce(Collection<GroupCollector> collectors) {
        Comparator<Group> order = order(sort);
        java.util.Map<String, Group> byArticle = new java.util.HashMap<>();
        for (GroupCollector c : collectors) {
            for (Group g : c.groups) {
                byArticle.merge(g.articleId(), g, (a, b) -> {
                    Group best = order.compare(a, b) <= 0 ? a : b;
                    return new Group(best.articleId(), best.bestDoc(), best.score(), best.date(), best.sortKey(),
                            a.hits() + b.hits());
                });
            }
        }
        List<Group> all = new ArrayList<>(byArticle.values());
        all.sort(order);
        return all;
    }

    final class GroupCollector implements Collector {
        private final List<Group> groups = new ArrayList<>();

        @Override
        public ScoreMode scoreMode() {
            return sort == SortOrder.RELEVANCE ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedDocValues articles = context.reader().getSortedDocValues(IndexSchema.ARTICLE_ID);
            NumericDocValues dates = context.reader().getNumericDocValues(IndexSchema.PUBLISHED);
            int size = articles == null ? 0 : articles.getValueCount();
            int[] counts = new int[size];
            int[] best = new int[size];
            float[] scores = new float[size];
            long[] dateOf = new long[size];
            Arrays.fill(best, -1);
            long missing = missingDate(sort);
            return new LeafCollector() {
                private Scorable scorer;

                @Override
                public void setScorer(Scorable s) {
                    scorer = s;
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (articles == null || !articles.advanceExact(doc)) return;
                    int ord = articles.ordValue();
                    float score = sort == SortOrder.RELEVANCE ? scorer.score() : 0f;
                    long date = dates != null && dates.advanceExact(doc) ? dates.longValue() : missing;
                    counts[ord]++;
                    if (best[ord] < 0 || better(score, date, doc, scores[ord], dateOf[ord], best[ord])) {
                        best[ord] = doc;
                        scores[ord] = score;
                        dateOf[ord] = date;
                    }
                }

                @Override
                public void finish() throws IOException {
                    // doc values iterate forwards only: visit the best paragraphs in doc order
                    int[] ords = java.util.stream.IntStream.range(0, size).filter(o -> counts[o] > 0).boxed()
                            .sorted(Comparator.comparingInt(o -> best[o])).mapToInt(Integer::intValue).toArray();
                    SortedDocValues sortKeys = context.reader().getSortedDocValues(IndexSchema.SORT_KEY);
                    for (int ord : ords) {
                        String key = sortKeys != null && sortKeys.advanceExact(best[ord])
                                ? sortKeys.lookupOrd(sortKeys.ordValue()).utf8ToString() : "";
                        groups.add(new Group(articles.lookupOrd(ord).utf8ToString(), context.docBase + best[ord],
                                scores[ord], dateOf[ord], key, counts[ord]));
                    }
                }
            };
        }

        private boolean better(float score, long date, int doc, float bestScore, long bestDate, int bestDoc) {
            return switch (sort) {
                case RELEVANCE -> score > bestScore || (score == bestScore && doc < bestDoc);
                case DATE_ASC -> date < bestDate || (date == bestDate && doc < bestDoc);
                case DATE_DESC -> date > bestDate || (date == bestDate && doc < bestDoc);
            };
        }
    }
}
