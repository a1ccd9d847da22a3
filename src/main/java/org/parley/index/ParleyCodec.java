package org.parley.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's codec with stored fields compressed in smaller chunks. Every hit shown reads its paragraph's stored
 * fields, and LZ4 with a preset dictionary decompresses a chunk's dictionary (a twentieth of the chunk) and the
 * sub-block (a tenth) holding the document: with Lucene's 80 kB chunks, 4 kB and 8 kB for a paragraph of under a
 * kilobyte, 8% of a search's CPU for ten hits. Chunks of ten {@value #SUB_BLOCK_BYTES}-byte sub-blocks halve
 * that, for a stored-fields file about 7% larger (BENCHMARKS.md, "Smaller stored-field blocks"). Registered under
 * {@link #NAME} (Lucene's SPI, {@code META-INF/services}), the name segments record, so that readers find it.
 */
public final class ParleyCodec extends FilterCodec {
    public static final String NAME = "Parley104";
    /** The size of a chunk's ten sub-blocks (Lucene's: 8 kB). */
    static final int SUB_BLOCK_BYTES = 4096;

    private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat(
            "ParleyStoredFields", Lucene90StoredFieldsFormat.BEST_SPEED_MODE, 10 * SUB_BLOCK_BYTES, 1024, 10);

    public ParleyCodec() {
        super(NAME, new Lucene104Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }
}
