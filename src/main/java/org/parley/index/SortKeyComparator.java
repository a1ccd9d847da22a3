package org.parley.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.FieldComparator;
import org.apache.lucene.search.FieldComparatorSource;
import org.apache.lucene.search.LeafFieldComparator;
import org.apache.lucene.search.Pruning;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/**
 * Orders hits by a sorted doc-values field (the sort key) as Lucene's string sort does, in ascending byte order with
 * documents without a value first, but reads a hit's bytes only when they decide something.
 *
 * <p>Why: the sort key only breaks ties (of score, or of date), yet Lucene's comparator looked up the bytes of every
 * hit entering the queue (a terms-dictionary block decompressed per hit) and placed the queue's last hit in every
 * new segment (a terms-dictionary search per segment): about 5% of a search's CPU at a million paragraphs. Here a
 * hit keeps its segment and ordinal; bytes are looked up when two hits of different segments tie on everything
 * before the key, when a new segment first compares a document against the queue's last hit, and for the hits
 * returned. Comparisons give the same answers as Lucene's, so hits come in the same order.
 *
 * <p>Not reversible and without skipping: parley uses it as a tie-breaker only.
 */
final class SortKeyComparator extends FieldComparator<BytesRef> {
    /** The ordinal of a document without a value: below every real ordinal, as missing values sort first. */
    private static final int MISSING = -1;

    /** A sort field ordering by {@code field} with this comparator. */
    static SortField sortField(String field) {
        return new SortField(field, new FieldComparatorSource() {
            @Override
            public FieldComparator<?> newComparator(String fieldname, int numHits, Pruning pruning, boolean reversed) {
                if (reversed) throw new IllegalArgumentException("the sort key orders ascending only");
                return new SortKeyComparator(fieldname, numHits);
            }
        });
    }

    private final String field;
    /** [slot]: the hit's ordinal in its segment's values, or {@link #MISSING}. */
    private final int[] ords;
    /** [slot]: the generation (segment visited) the hit was copied in. */
    private final int[] gens;
    /** [slot]: the hit's bytes once looked up (null: not yet, or missing). */
    private final BytesRef[] values;
    /** [generation]: the values of the segment visited then, for looking up the bytes of its hits later. */
    private SortedDocValues[] valuesOfGen = new SortedDocValues[16];
    private int gen = -1;
    private int bottomSlot = -1;
    private BytesRef topValue;

    private SortKeyComparator(String field, int numHits) {
        this.field = field;
        this.ords = new int[numHits];
        this.gens = new int[numHits];
        this.values = new BytesRef[numHits];
    }

    @Override
    public int compare(int slot1, int slot2) {
        if (gens[slot1] == gens[slot2]) return Integer.compare(ords[slot1], ords[slot2]);
        return compareValues(value(slot1), value(slot2));
    }

    /** The slot's bytes (null when its document has none), looked up on first use. */
    @Override
    public BytesRef value(int slot) {
        if (ords[slot] == MISSING) return null;
        BytesRef v = values[slot];
        if (v == null) {
            try {
                v = values[slot] = BytesRef.deepCopyOf(valuesOfGen[gens[slot]].lookupOrd(ords[slot]));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return v;
    }

    @Override
    public int compareValues(BytesRef a, BytesRef b) {
        if (a == null) return b == null ? 0 : -1;
        if (b == null) return 1;
        return a.compareTo(b);
    }

    @Override
    public void setTopValue(BytesRef value) {
        topValue = value;
    }

    @Override
    public LeafFieldComparator getLeafComparator(LeafReaderContext context) throws IOException {
        SortedDocValues leafValues = DocValues.getSorted(context.reader(), field);
        gen++;
        if (gen == valuesOfGen.length) valuesOfGen = Arrays.copyOf(valuesOfGen, gen * 2);
        valuesOfGen[gen] = leafValues;
        return new Leaf(leafValues, gen);
    }

    private final class Leaf implements LeafFieldComparator {
        private final SortedDocValues docValues;
        private final int leafGen;
        /** Whether {@link #bottomOrd} is placed for the current bottom slot. */
        private boolean bottomPlaced;
        /** The bottom's ordinal here, or the ordinal below where it would be when this segment lacks it. */
        private int bottomOrd;
        private boolean bottomExact;
        private final int topOrd;
        private final boolean topExact;

        Leaf(SortedDocValues docValues, int leafGen) throws IOException {
            this.docValues = docValues;
            this.leafGen = leafGen;
            if (topValue == null) {
                topOrd = MISSING;
                topExact = true;
            } else {
                int ord = docValues.lookupTerm(topValue);
                topExact = ord >= 0;
                topOrd = ord >= 0 ? ord : -ord - 2;
            }
        }

        private int ordOf(int doc) throws IOException {
            return docValues.advanceExact(doc) ? docValues.ordValue() : MISSING;
        }

        @Override
        public void setBottom(int slot) {
            bottomSlot = slot;
            bottomPlaced = false; // placed when a document of this segment is first compared with it
        }

        private void placeBottom() throws IOException {
            if (gens[bottomSlot] == leafGen || ords[bottomSlot] == MISSING) {
                bottomOrd = ords[bottomSlot];
                bottomExact = true;
            } else {
                int ord = docValues.lookupTerm(value(bottomSlot));
                bottomExact = ord >= 0;
                bottomOrd = ord >= 0 ? ord : -ord - 2;
            }
            bottomPlaced = true;
        }

        @Override
        public int compareBottom(int doc) throws IOException {
            if (!bottomPlaced) placeBottom();
            int ord = ordOf(doc);
            if (bottomExact) return Integer.compare(bottomOrd, ord);
            // the bottom lies between bottomOrd and bottomOrd + 1: never equal to a value of this segment
            return bottomOrd >= ord ? 1 : -1;
        }

        @Override
        public int compareTop(int doc) throws IOException {
            int ord = ordOf(doc);
            if (topExact) return Integer.compare(topOrd, ord);
            return ord <= topOrd ? 1 : -1;
        }

        @Override
        public void copy(int slot, int doc) throws IOException {
            ords[slot] = ordOf(doc);
            gens[slot] = leafGen;
            values[slot] = null;
            if (slot == bottomSlot) bottomPlaced = false;
        }

        @Override
        public void setScorer(Scorable scorer) {
        }
    }
}
