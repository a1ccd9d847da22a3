package org.parley.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefArray;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.Counter;

/**
 * The indexed words of a field grouped by their Porter stem: what an unquoted, stemmed query term expands to.
 * The index holds words only (see {@link TextAnalysis}); "relations" is stemmed to "relat" at query time and
 * matches every indexed word of that stem ("relation", "relations", "relational").
 *
 * <p>Built once per index reader from its term dictionary (one pass, no string per term) and read-only after:
 * safe to share between request threads. Compact: the words' bytes in one pool, the stems in a byte hash, and
 * two int arrays, about 30 bytes per distinct word.
 */
final class StemVariants {
    private final String field;
    private final BytesRefArray words;
    private final BytesRefHash stems;
    /** For stem id {@code s}: its words are {@code words[order[start[s]]] .. words[order[start[s + 1] - 1]]}. */
    private final int[] start;
    private final int[] order;
    /** For stem id {@code s}: the sum of its words' document frequencies (at least the documents it matches). */
    private final long[] docFreq;
    /** For word id {@code w}: its document frequency (deleted documents included, as Lucene counts it). */
    private final int[] wordDocFreq;

    private StemVariants(String field, BytesRefArray words, BytesRefHash stems, int[] start, int[] order, long[] docFreq,
                         int[] wordDocFreq) {
        this.field = field;
        this.words = words;
        this.stems = stems;
        this.start = start;
        this.order = order;
        this.docFreq = docFreq;
        this.wordDocFreq = wordDocFreq;
    }

    /** Groups every word of {@code field} in {@code reader} (stop words excluded: they have no stem). */
    static StemVariants load(IndexReader reader, String field) throws IOException {
        BytesRefArray words = new BytesRefArray(Counter.newCounter());
        BytesRefHash stems = new BytesRefHash();
        int[] stemOfWord = new int[1024];
        long[] docFreq = new long[1024];
        int[] wordDocFreq = new int[1024];
        TextAnalysis.Stemmer stemmer = new TextAnalysis.Stemmer();
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms != null) {
            TermsEnum it = terms.iterator();
            for (BytesRef word = it.next(); word != null; word = it.next()) {
                BytesRef stem = stemmer.stem(word);
                if (stem == null) continue;
                int id = stems.add(stem);
                if (id < 0) id = -id - 1;
                docFreq = ArrayUtil.grow(docFreq, id + 1);
                docFreq[id] += it.docFreq();
                int w = words.append(word);
                stemOfWord = ArrayUtil.grow(stemOfWord, w + 1);
                stemOfWord[w] = id;
                wordDocFreq = ArrayUtil.grow(wordDocFreq, w + 1);
                wordDocFreq[w] = it.docFreq();
            }
        }
        // counting sort of the words by stem id, keeping dictionary order within a stem
        int[] start = new int[stems.size() + 1];
        for (int w = 0; w < words.size(); w++) start[stemOfWord[w] + 1]++;
        for (int s = 0; s < stems.size(); s++) start[s + 1] += start[s];
        int[] next = start.clone();
        int[] order = new int[words.size()];
        for (int w = 0; w < words.size(); w++) order[next[stemOfWord[w]]++] = w;
        return new StemVariants(field, words, stems, start, order, Arrays.copyOf(docFreq, stems.size()),
                Arrays.copyOf(wordDocFreq, words.size()));
    }

    /**
     * The stems whose words are in at least {@code minDocFreq} documents together (deleted ones included), most
     * frequent first.
     */
    List<Frequent> frequentStems(long minDocFreq) {
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id < docFreq.length; id++) if (docFreq[id] >= minDocFreq) ids.add(id);
        ids.sort(Comparator.comparingLong((Integer id) -> docFreq[id]).reversed());
        List<Frequent> out = new ArrayList<>(ids.size());
        for (int id : ids) out.add(new Frequent(BytesRef.deepCopyOf(stems.get(id, new BytesRef())), docFreq[id]));
        return out;
    }

    /** A stem and the sum of its words' document frequencies. */
    record Frequent(BytesRef stem, long docFreq) {
    }

    /** The sum of the document frequencies of the words of {@code stem} (at least the documents it matches); 0 for none. */
    long docFreq(BytesRef stem) {
        int id = stems.find(stem);
        return id < 0 ? 0 : docFreq[id];
    }

    /** How many distinct words the field has (stop words excluded). */
    int words() {
        return order.length;
    }

    /** The indexed words whose stem is {@code stem}, in dictionary order; empty when there are none. */
    BytesRef[] wordsOf(BytesRef stem) {
        return wordsOf(stems.find(stem));
    }

    private BytesRef[] wordsOf(int id) {
        if (id < 0) return new BytesRef[0];
        BytesRef[] out = new BytesRef[start[id + 1] - start[id]];
        BytesRefBuilder scratch = new BytesRefBuilder();
        for (int i = 0; i < out.length; i++) out[i] = BytesRef.deepCopyOf(words.get(scratch, order[start[id] + i]));
        return out;
    }

    /**
     * The query for a stemmed term: the one word of that stem, or a {@link StemQuery} over all of them (scored
     * by BM25 as a single term, like an indexed stem would be); nothing when no word has that stem (not even a
     * stop word spelled like the stem: "ands" must not find "and").
     */
    Query query(BytesRef stem) {
        int id = stems.find(stem);
        BytesRef[] forms = wordsOf(id);
        if (forms.length == 0) return new MatchNoDocsQuery("no word with the stem '" + stem.utf8ToString() + "'");
        if (forms.length == 1) return new TermQuery(new Term(field, forms[0]));
        Term[] terms = new Term[forms.length];
        int[] docFreqs = new int[forms.length];
        for (int i = 0; i < forms.length; i++) {
            terms[i] = new Term(field, forms[i]);
            docFreqs[i] = wordDocFreq[order[start[id] + i]];
        }
        return new StemQuery(field, stem.utf8ToString(), terms, docFreqs);
    }
}
