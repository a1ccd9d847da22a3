/**
 * Reading the corpus: files into {@link org.parley.corpus.Article}s.
 *
 * <h2>Formats</h2>
 * {@link org.parley.corpus.FormatDetector} tells a file's format from its extension and first 8 KB:
 * <table>
 * <caption>Formats and how they are told apart</caption>
 * <tr><th>format</th><th>extensions</th><th>by content</th><th>articles per file</th></tr>
 * <tr><td>text</td><td>{@code .txt}, none</td><td>anything else readable</td><td>1</td></tr>
 * <tr><td>Markdown</td><td>{@code .md .markdown .mdown .mkd}</td><td>-</td><td>1</td></tr>
 * <tr><td>HTML</td><td>{@code .html .htm .xhtml .shtml .mhtml .mht} (MHTML: the first {@code text/html} part, see
 * {@link org.parley.corpus.Mhtml})</td><td>{@code <!doctype html>} or {@code <html>} (also in
 * {@code .txt}, extension-less and unknown-extension files)</td><td>1</td></tr>
 * <tr><td>feed</td><td>{@code .xml .rss .atom .rdf}</td><td>root {@code <rss>}, {@code <feed>} or {@code <rdf:RDF>}</td>
 * <td>1 per item</td></tr>
 * <tr><td>JSON Lines</td><td>{@code .jsonl .ndjson .json}</td><td>extension-less file starting with <code>&#123;</code></td>
 * <td>1 per line</td></tr>
 * <tr><td>WARC</td><td>{@code .warc .warc.gz .gz .arc .arc.gz}</td><td>{@code WARC/1.x} or ARC's {@code filedesc://},
 * plain or gzip</td><td>1 per HTML response record (a response without a Content-Type when its body starts like a page)</td></tr>
 * </table>
 * Plain text is read exactly as before these formats existed.
 *
 * <h2>Where each field comes from (first that says it wins)</h2>
 * <table>
 * <caption>Article fields by format</caption>
 * <tr><th>field</th><th>text</th><th>Markdown</th><th>HTML page (file or WARC record)</th><th>feed item</th><th>JSON line</th></tr>
 * <tr><td>title</td><td>header {@code title:}, else first line</td><td>front matter {@code title}, else first {@code #}</td>
 * <td>JSON-LD {@code headline}, {@code og:title}, {@code <h1>}, {@code <title>} without the site name</td><td>{@code title}</td>
 * <td>{@code title}</td></tr>
 * <tr><td>published</td><td>header {@code date:}, else a dateline</td><td>front matter {@code date}, else a dateline</td>
 * <td>JSON-LD {@code datePublished}, {@code article:published_time} and date meta tags, {@code <time datetime>}, a
 * dateline</td><td>{@code pubDate}, {@code dc:date}, {@code published}, else {@code updated}</td>
 * <td>{@code published} / {@code date} (ISO or epoch)</td></tr>
 * <tr><td>author</td><td>header, else a "By" line</td><td>front matter {@code author(s)}, else a "By" line</td>
 * <td>JSON-LD {@code author}, {@code <meta name=author>}, {@code article:author}, a "By" line</td>
 * <td>{@code dc:creator}, {@code author}, Atom {@code author/name}, else the feed's author</td><td>{@code author(s)}</td></tr>
 * <tr><td>source</td><td>header, else a credit</td><td>front matter {@code source}</td>
 * <td>JSON-LD {@code publisher.name}, {@code og:site_name}</td><td>the feed's title</td><td>{@code source}</td></tr>
 * <tr><td>url</td><td>header {@code url:}</td><td>front matter {@code url}</td>
 * <td>WARC: {@code WARC-Target-URI}; file: JSON-LD {@code url}/{@code mainEntityOfPage}, {@code og:url},
 * {@code <link rel=canonical>}</td><td>the item's {@code link}</td><td>{@code url}</td></tr>
 * <tr><td>id</td><td colspan=3>file name without extension</td><td>file id + {@code -} + guid/id, else link (hashed when
 * not a short safe word)</td><td>file id + {@code -} + {@code id}, else url hash, else {@code line}N</td></tr>
 * </table>
 * WARC record ids are the file id + {@code -} + a hash of the {@code WARC-Record-ID}. Dates are the calendar date as the
 * source writes it, in the source's own offset. URLs are kept only when absolute http(s), relative ones resolved.
 *
 * <h2>What is skipped, and why</h2>
 * {@link org.parley.corpus.CorpusReader#list} returns the files it takes and, with a reason each, those it does not
 * (hidden files and folders, FIFOs and other special files, dangling links, links to folders, unsupported types).
 * Reading a file throws {@link org.parley.corpus.CorpusException} with the reason for the whole file (too large, parse
 * error, empty after extraction, ...); parts of a container that are skipped (a bad JSON line, a feed item without
 * content, an oversized WARC record, the non-HTML records of an archive) are in
 * {@link org.parley.corpus.FileArticles#skipped()}. Every size has a bound: {@link org.parley.corpus.CorpusLimits}.
 */
package org.parley.corpus;
