package org.parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parley.corpus.Article;
import org.parley.corpus.Paragraph;
import org.parley.enrich.EnrichedParagraph;
import org.parley.index.IndexSchema;

/**
 * The baseline: the same corpus in SQLite FTS5 (sqlite-jdbc, porter + unicode61 tokenizer, bm25 ranking), with
 * the paragraph facets in side tables and the same query work done in SQL: hit count, top 10 by bm25 with
 * {@code snippet()}, the hits' metadata, and counts for country, year and speaker by GROUP BY over the matching
 * rows. Facet counts here are plain counts under all filters (no drill-sideways), which is less work than parley
 * does.
 */
public final class SqliteFts implements QueryEngine {
    private final Path db;

    public SqliteFts(Path db) {
        this.db = db;
    }

    /** What a bulk load did. */
    public record LoadStats(long paragraphs, double seconds, long dbBytes, boolean enriched) {
    }

    private static Connection connect(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
    }

    /**
     * Bulk-loads {@code corpus} into a new database at {@code db}: read + parse (+ enrich when {@code enrich}),
     * insert in one transaction with journal and fsync off (SQLite's fastest bulk-load settings), build the
     * facet indexes and optimise the FTS index. Reading and enrichment run on {@code threads} threads; SQLite
     * has one writer.
     */
    public static LoadStats load(Path corpus, Path db, boolean enrich, int threads) throws Exception {
        Files.deleteIfExists(db);
        long t0 = System.nanoTime();
        long[] ids = {0};
        try (Connection c = connect(db)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=OFF");
                s.execute("PRAGMA synchronous=OFF");
                s.execute("PRAGMA cache_size=-262144");
                s.execute("PRAGMA temp_store=MEMORY");
                s.execute("CREATE TABLE para(id INTEGER PRIMARY KEY, article TEXT NOT NULL, ordinal INTEGER NOT NULL,"
                        + " title TEXT, published TEXT)");
                s.execute("CREATE VIRTUAL TABLE para_fts USING fts5(text, tokenize='porter unicode61')");
                if (enrich) {
                    for (String t : List.of("para_country(para_id INTEGER NOT NULL, code TEXT NOT NULL, PRIMARY KEY(para_id, code))",
                            "para_year(para_id INTEGER NOT NULL, year INTEGER NOT NULL, PRIMARY KEY(para_id, year))",
                            "para_speaker(para_id INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY(para_id, name))")) {
                        s.execute("CREATE TABLE " + t + " WITHOUT ROWID");
                    }
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement para = c.prepareStatement("INSERT INTO para(id, article, ordinal, title, published) VALUES (?,?,?,?,?)");
                 PreparedStatement fts = c.prepareStatement("INSERT INTO para_fts(rowid, text) VALUES (?,?)");
                 PreparedStatement country = enrich ? c.prepareStatement("INSERT OR IGNORE INTO para_country VALUES (?,?)") : null;
                 PreparedStatement year = enrich ? c.prepareStatement("INSERT OR IGNORE INTO para_year VALUES (?,?)") : null;
                 PreparedStatement speaker = enrich ? c.prepareStatement("INSERT OR IGNORE INTO para_speaker VALUES (?,?)") : null) {
                Object lock = new Object();
                int[] pending = {0};
                BenchCorpus.forEach(corpus, threads, enrich, a -> {
                    synchronized (lock) {
                        for (Paragraph p : a.searchableParagraphs()) {
                            insert(a, p, ++ids[0], para, fts);
                        }
                        flushIfBig(pending, a.paragraphs().size(), para, fts, null, null, null);
                    }
                }, ea -> {
                    synchronized (lock) {
                        Article a = ea.article();
                        for (EnrichedParagraph ep : ea.paragraphs()) {
                            if (!ep.paragraph().kind().searchable()) continue;
                            long id = ++ids[0];
                            insert(a, ep.paragraph(), id, para, fts);
                            try {
                                for (String cc : ep.metadata().countries()) add(country, id, cc);
                                for (Integer y : IndexSchema.facetYears(ep.metadata(), a.published())) {
                                    year.setLong(1, id);
                                    year.setInt(2, y);
                                    year.addBatch();
                                }
                                for (String sp : ep.metadata().speakers()) add(speaker, id, sp);
                            } catch (SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                        flushIfBig(pending, ea.paragraphs().size(), para, fts, country, year, speaker);
                    }
                });
                execBatch(para, fts, country, year, speaker);
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                if (enrich) {
                    s.execute("CREATE INDEX para_country_code ON para_country(code, para_id)");
                    s.execute("CREATE INDEX para_year_year ON para_year(year, para_id)");
                    s.execute("CREATE INDEX para_speaker_name ON para_speaker(name, para_id)");
                }
                s.execute("INSERT INTO para_fts(para_fts) VALUES('optimize')");
                s.execute("PRAGMA journal_mode=DELETE");
                s.execute("ANALYZE");
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new LoadStats(ids[0], seconds, Files.size(db), enrich);
    }

    private static void insert(Article a, Paragraph p, long id, PreparedStatement para, PreparedStatement fts) {
        try {
            para.setLong(1, id);
            para.setString(2, a.id());
            para.setInt(3, p.ordinal());
            para.setString(4, a.title());
            para.setString(5, a.published() == null ? null : a.published().toString());
            para.addBatch();
            fts.setLong(1, id);
            fts.setString(2, p.text());
            fts.addBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(PreparedStatement st, long id, String value) throws SQLException {
        st.setLong(1, id);
        st.setString(2, value);
        st.addBatch();
    }

    private static void flushIfBig(int[] pending, int added, PreparedStatement... sts) {
        pending[0] += added;
        if (pending[0] < 2000) return;
        pending[0] = 0;
        try {
            execBatch(sts);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execBatch(PreparedStatement... sts) throws SQLException {
        for (PreparedStatement st : sts) if (st != null) st.executeBatch();
    }

    @Override
    public Session open() throws Exception {
        Connection c = connect(db);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA cache_size=-131072");
            s.execute("PRAGMA mmap_size=8589934592");
            s.execute("PRAGMA temp_store=MEMORY");
            s.execute("CREATE TEMP TABLE m(id INTEGER PRIMARY KEY, score REAL)");
        }
        return new SqlSession(c);
    }

    private static final class SqlSession implements Session {
        private final Connection c;

        SqlSession(Connection c) {
            this.c = c;
        }

        @Override
        public Outcome run(BenchQuery q) throws Exception {
            List<Object> args = new ArrayList<>();
            String filters = filters(q, args);
            long total;
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM temp.m");
            }
            // The full-text match is materialised first: otherwise SQLite may drive the query from a filter's
            // rowids and re-run the MATCH once per candidate row, which is far slower than this.
            try (PreparedStatement st = c.prepareStatement("WITH h AS MATERIALIZED (SELECT rowid AS id, bm25(para_fts) AS score"
                    + " FROM para_fts WHERE para_fts MATCH ?) INSERT INTO temp.m(id, score) SELECT id, score FROM h WHERE 1=1" + filters)) {
                st.setString(1, q.fts());
                for (int i = 0; i < args.size(); i++) st.setObject(i + 2, args.get(i));
                total = st.executeUpdate();
            }
            List<Long> top = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM temp.m ORDER BY score LIMIT 10")) {
                while (rs.next()) top.add(rs.getLong(1));
            }
            try (PreparedStatement st = c.prepareStatement("SELECT snippet(para_fts, 0, '<mark>', '</mark>', '…', 32)"
                    + " FROM para_fts WHERE para_fts MATCH ? AND rowid = ?")) {
                for (long id : top) {
                    st.setString(1, q.fts());
                    st.setLong(2, id);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) rs.getString(1);
                    }
                }
            }
            if (!top.isEmpty()) {
                String in = String.join(",", top.stream().map(String::valueOf).toList());
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT p.id, p.article, p.ordinal, p.title, p.published,"
                             + " (SELECT group_concat(code) FROM para_country WHERE para_id = p.id),"
                             + " (SELECT group_concat(year) FROM para_year WHERE para_id = p.id),"
                             + " (SELECT group_concat(name) FROM para_speaker WHERE para_id = p.id)"
                             + " FROM para p WHERE p.id IN (" + in + ")")) {
                    while (rs.next()) rs.getString(2);
                }
            }
            int facetValues = 0;
            for (String[] f : FACETS) {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT f." + f[1] + ", count(*) AS n FROM temp.m JOIN " + f[0]
                             + " f ON f.para_id = m.id GROUP BY f." + f[1] + " ORDER BY n DESC LIMIT 10")) {
                    while (rs.next()) facetValues++;
                }
            }
            return new Outcome(total, top.size(), facetValues);
        }

        private static final String[][] FACETS = {{"para_country", "code"}, {"para_year", "year"}, {"para_speaker", "name"}};

        private static String filters(BenchQuery q, List<Object> args) {
            StringBuilder w = new StringBuilder();
            for (Map.Entry<String, List<String>> f : q.filters().entrySet()) {
                String table = switch (f.getKey()) {
                    case "country" -> "para_country WHERE code";
                    case "year" -> "para_year WHERE year";
                    case "speaker" -> "para_speaker WHERE name";
                    default -> throw new IllegalArgumentException("unknown facet " + f.getKey());
                };
                w.append(" AND id IN (SELECT para_id FROM ").append(table).append(" IN (");
                for (int i = 0; i < f.getValue().size(); i++) {
                    w.append(i == 0 ? "?" : ",?");
                    args.add(f.getKey().equals("year") ? (Object) Integer.valueOf(f.getValue().get(i)) : f.getValue().get(i));
                }
                w.append("))");
            }
            if (q.yearFrom() != null || q.yearTo() != null) {
                w.append(" AND id IN (SELECT para_id FROM para_year WHERE year BETWEEN ? AND ?)");
                args.add(q.yearFrom() == null ? Integer.MIN_VALUE : q.yearFrom());
                args.add(q.yearTo() == null ? Integer.MAX_VALUE : q.yearTo());
            }
            return w.toString();
        }

        @Override
        public void close() throws Exception {
            c.close();
        }
    }
}
