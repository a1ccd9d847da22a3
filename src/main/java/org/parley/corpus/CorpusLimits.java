package org.parley.corpus;

/**
 * Size bounds for what the corpus reader takes in; each is reported, with the limit, when exceeded.
 *
 * @param fileBytes       a whole file read into memory: plain text, Markdown (and the bytes of any file read with
 *                        {@link CorpusReader#readBytes})
 * @param htmlPageBytes   one HTML page (a file, a WARC record's payload, a feed item's content)
 * @param feedBytes       one RSS/Atom feed file
 * @param feedItems       items read from one feed (the rest are reported)
 * @param jsonLineBytes   one line of a JSON Lines file
 * @param warcRecordBytes one WARC response record's HTTP payload
 * @param streamedFileBytes a JSON Lines or WARC file, which are read as a stream rather than into memory
 */
public record CorpusLimits(long fileBytes, long htmlPageBytes, long feedBytes, int feedItems, long jsonLineBytes,
                           long warcRecordBytes, long streamedFileBytes) {
    public static final long MB = 1024L * 1024;

    public static CorpusLimits defaults() {
        return new CorpusLimits(64 * MB, 16 * MB, 64 * MB, 100_000, 8 * MB, 16 * MB, 16 * 1024 * MB);
    }

    /** The defaults with every whole-file bound set to at most {@code maxBytes} (the original single limit). */
    public static CorpusLimits ofFileBytes(long maxBytes) {
        CorpusLimits d = defaults();
        return new CorpusLimits(maxBytes, Math.min(d.htmlPageBytes(), maxBytes), Math.min(d.feedBytes(), maxBytes), d.feedItems(),
                d.jsonLineBytes(), d.warcRecordBytes(), Math.max(maxBytes, d.streamedFileBytes()));
    }

    public CorpusLimits withHtmlPageBytes(long n) {
        return new CorpusLimits(fileBytes, n, feedBytes, feedItems, jsonLineBytes, warcRecordBytes, streamedFileBytes);
    }

    public CorpusLimits withFeedBytes(long n) {
        return new CorpusLimits(fileBytes, htmlPageBytes, n, feedItems, jsonLineBytes, warcRecordBytes, streamedFileBytes);
    }

    public CorpusLimits withFeedItems(int n) {
        return new CorpusLimits(fileBytes, htmlPageBytes, feedBytes, n, jsonLineBytes, warcRecordBytes, streamedFileBytes);
    }

    public CorpusLimits withJsonLineBytes(long n) {
        return new CorpusLimits(fileBytes, htmlPageBytes, feedBytes, feedItems, n, warcRecordBytes, streamedFileBytes);
    }

    public CorpusLimits withWarcRecordBytes(long n) {
        return new CorpusLimits(fileBytes, htmlPageBytes, feedBytes, feedItems, jsonLineBytes, n, streamedFileBytes);
    }
}
