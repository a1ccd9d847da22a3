package org.parley.enrich;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * Word classes that tell a person's name from the titles, organisations and function words around it.
 * General English and diplomatic vocabulary only; no names of people.
 */
final class NameWords {
    private NameWords() {
    }

    /** Titles, honorifics and role words, lower case: stripped from names, and a name after them is a person. */
    static final Set<String> TITLES = Set.of(
            "president", "vice-president", "president-elect", "minister", "prime", "premier", "chancellor", "ambassador",
            "envoy", "consul", "king", "queen", "prince", "princess", "crown", "emperor", "empress", "sultan", "sheikh",
            "emir", "monarch", "secretary", "secretary-general", "undersecretary", "under-secretary", "spokesman",
            "spokeswoman", "spokesperson", "director", "director-general", "chairman", "chairwoman", "chairperson",
            "chair", "speaker", "governor", "mayor", "senator", "congressman", "congresswoman", "lawmaker", "legislator",
            "deputy", "vice", "acting", "former", "late", "then", "current", "incumbent", "outgoing", "first", "senior",
            "chief", "head", "leader", "general", "gen", "admiral", "adm", "colonel", "col", "captain", "capt",
            "lieutenant", "lt", "major", "maj", "marshal", "commander", "commissioner", "official", "officer",
            "diplomat", "adviser", "advisor", "counsellor", "counselor", "attaché", "attache", "representative", "rep",
            "delegate", "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
            "his", "her", "excellency", "h.e.", "majesty", "highness", "samdech", "techo", "akka", "moha", "sena",
            "padei", "thipadei", "oknha", "okhna", "neak", "lok", "chumteav", "dato", "datuk", "dato'", "tun", "haji",
            "pope", "pontiff", "cardinal", "bishop", "archbishop", "rev", "reverend", "imam", "rabbi", "ayatollah", "analyst",
            "researcher", "expert", "scholar", "economist", "author", "journalist", "founder", "ceo", "executive",
            "justice", "judge", "prosecutor", "attorney", "gov", "pres", "supreme", "grand", "his/her",
            "madam", "madame", "comrade", "prime-minister", "counterpart", "pm", "fm", "dpm",
            // Titles of other countries and trades before a name: "Taoiseach Seán Ó Murchú", "Agronomist Ibrahim Garba".
            "taoiseach", "tánaiste", "tanaiste", "supt", "sgt", "cpl", "brig", "sheikha", "shaykh", "sheik",
            "emira", "mullah", "cleric", "mufti", "patriarch", "pastor", "mp", "mep", "whip", "treasurer", "solicitor", "ombudsman", "ombudswoman", "negotiator", "mediator",
            "rapporteur", "coordinator", "co-ordinator", "agronomist", "activist", "scientist", "historian",
            "columnist", "commentator", "strategist", "pollster", "lobbyist", "campaigner", "lawyer", "farmer",
            "teacher", "doctor", "nurse", "writer", "novelist", "poet", "filmmaker", "entrepreneur", "businessman",
            "businesswoman", "vice-chair", "vice-chairman", "co-chair", "co-founder", "superintendent", "inspector",
            "sergeant", "corporal", "brigadier", "vice-admiral", "sultana", "begum", "prelate", "deacon", "sayyid", "sayyida", "governor-elect", "senator-elect",
            "fr", "abbot", "abbess",
            // Honorifics of other countries before a name: "Ratu Josefa X" (Fiji), "Hon. Mary X", "Rt Hon X",
            // "Alhaji Musa X" (West Africa), "Shri"/"Smt." (India), "Daw" (Myanmar), "Khun" (Thailand).
            "ratu", "hon", "honourable", "honorable", "rt", "alhaji", "alhaja", "hajiya", "shri", "shrimati", "smt",
            "daw", "khun", "ustaz", "ustadh", "kyai",
            // Malaysian and Bruneian honorifics: "Datuk Seri Anwar X", "Datuk Seri Utama Y", "Tunku Z", "Pehin W".
            // Not "Sri" or "Puan", which are also given names in Indonesia.
            "seri", "utama", "datin", "tunku", "tengku", "pengiran", "pehin",
            // Peers' ranks before a name, as "Lord" is: "Baroness Ashton", "Viscount Younger"
            "baroness", "viscount", "viscountess",
            // one who held a role before or after someone: "Jokowi, Prabowo's predecessor, ...", "his successor, X,"
            "predecessor", "successor",
            // the one who receives a summit or a show: "Host Vladimir X hailed ...", "talk show host Y said"
            "host", "co-host",
            // French, German, Spanish, Portuguese and Italian forms of address before a name: "Mme Colonna", "Frau X"
            "mme", "mlle", "mademoiselle", "monsieur", "frau", "herr", "señor", "señora", "senhor", "senhora", "signor",
            "signora", "sra");

    /**
     * Trades and walks of life that news puts before a quoted person's name ("said driver Julio X"): titles, but
     * without misspelt forms (one letter less makes real words of them: "refuge", "retire", "solder").
     */
    static final Set<String> TRADES = Set.of("driver", "resident", "villager", "shopkeeper", "vendor", "trader", "student",
            "worker", "labourer", "laborer", "fisherman", "miner", "mechanic", "engineer", "pilot", "soldier", "veteran",
            "refugee", "migrant", "voter", "protester", "protestor", "retiree", "pensioner", "volunteer", "survivor");

    /**
     * Words that are a title only capitalised before a name ("Sister Mercedes Olmos", "Father Tomás Ruiz") and
     * kinship otherwise ("his father said"): {@link Tokenizer} marks them {@link Token#TITLE} there alone.
     */
    static final Set<String> CAPITALISED_TITLES = Set.of("sister", "father", "brother", "mother",
            // an Orthodox bishop's rank ("Metropolitan Onufriy"), an English word otherwise ("metropolitan area")
            "metropolitan");

    /** Lower-case words that continue a title: "foreign ministry secretary of state", "Senate president". */
    static final Set<String> TITLE_GLUE = Set.of("foreign", "affairs", "ministry", "state", "defence", "defense",
            "interior", "finance", "trade", "economy", "commerce", "justice", "health", "education", "information",
            "security", "national", "senate", "party", "embassy", "government", "council", "assembly", "committee",
            "commission", "general", "deputy", "cabinet", "army", "navy", "military", "police", "opposition",
            "parliamentary", "presidential", "royal", "permanent", "special", "executive", "regional", "provincial");

    /** Title words that give nobody a role: a person with only these may be "the minister" of a later sentence. */
    static final Set<String> ROLELESS = Set.of("counterpart", "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "his",
            "her", "former", "late", "then", "current", "h.e.", "excellency", "sir", "dame", "lord", "lady", "baroness",
            "viscount", "viscountess", "mme", "mlle", "mademoiselle", "monsieur", "frau", "herr", "señor", "señora",
            "senhor", "senhora", "signor", "signora", "sra", "host", "co-host");

    /** Titles that tell a woman or a man, for "she"/"he". */
    static final Set<String> FEMALE = Set.of("mrs", "ms", "miss", "queen", "princess", "empress", "lady", "dame",
            "madam", "madame", "chairwoman", "spokeswoman", "congresswoman", "chumteav", "sister", "mother", "abbess",
            "alhaja", "hajiya", "shrimati", "smt", "daw", "baroness", "viscountess", "mme", "mlle", "mademoiselle",
            "frau", "señora", "senhora", "signora", "sra");
    static final Set<String> MALE = Set.of("mr", "king", "prince", "emperor", "sultan", "sir", "lord", "chairman",
            "spokesman", "congressman", "samdech", "father", "brother", "fr", "abbot", "viscount", "monsieur", "herr",
            "señor", "senhor", "signor");

    /** Lower-case connectors inside names: "Ursula von der Leyen", "Mohammed bin Salman". */
    static final Set<String> PARTICLES = Set.of("von", "van", "der", "den", "de", "da", "das", "do", "dos", "du",
            "del", "della", "di", "la", "le", "bin", "binti", "ibn", "al", "el", "ben", "ter", "y", "e");

    /** Capitalised words of organisations, places and documents: never part of a person's name. */
    static final Set<String> ORGANISATION = Set.of(
            "ministry", "ministries", "academy", "institute", "university", "college", "school", "council", "committee",
            "commission", "assembly", "parliament", "senate", "congress", "court", "government", "administration",
            "authority", "agency", "bureau", "office", "department", "embassy", "consulate", "mission", "party",
            "union", "federation", "republic", "kingdom", "association", "organization", "organisation", "forum",
            "summit", "conference", "meeting", "group", "bank", "fund", "company", "corporation", "corp", "inc",
            "ltd", "news", "post", "times", "press", "television", "radio", "daily", "journal", "herald", "tribune",
            "monitor", "network", "media", "army", "navy", "force", "forces", "police", "guard", "command", "front",
            "movement", "alliance", "coalition", "charter", "treaty", "agreement", "protocol", "declaration",
            "resolution", "plan", "framework", "initiative", "strategy", "program", "programme", "project",
            "monument", "palace", "hall", "house", "building", "airport", "port", "bridge", "road", "street",
            "avenue", "province", "city", "district", "region", "island", "islands", "river", "sea", "ocean", "gulf",
            "bay", "lake", "mountain", "peninsula", "basin", "delta", "valley", "wall", "war", "day", "year",
            "rouge", "regime", "facebook", "twitter", "telegram", "youtube", "instagram", "international",
            "national", "royal", "relations", "cooperation", "affairs", "foreign", "economic", "political", "security",
            "development", "studies", "centre", "center", "foundation", "watch", "rights", "human", "nations",
            "united", "asian", "pacific", "southeast", "east", "west", "north", "south", "eastern", "western",
            "northern", "southern", "central", "asia", "europe", "africa", "middle", "global", "world", "communist",
            "democratic", "people's", "peoples", "socialist", "islamic", "federal", "general", "public", "trade",
            "commerce", "finance", "defence", "defense", "interior", "justice", "health", "education", "culture",
            "tourism", "information", "inspection", "energy", "environment", "agriculture", "industry", "labour",
            "labor", "social", "strategic", "policy", "peace", "friendship", "economy", "exchange", "partnership",
            "dialogue", "community", "secretariat", "council's", "board", "reuters", "xinhua", "afp", "ap", "bbc",
            "cnn", "bloomberg", "tass", "kyodo", "yonhap", "bernama", "antara", "vna", "akp", "new", "old", "great",
            "holy", "saint", "st", "mount", "lower", "upper", "greater", "state", "states", "covid-19", "covid",
            // bodies that speak as one ("the Revolutionary Guards said"), never a person's name
            "guards", "brigade", "brigades", "militia", "militias", "rebels", "services", "airlines", "airways",
            "holdings", "industries", "motors", "systems", "technologies", "telecom", "petroleum", "hospital",
            "clinic", "church", "brotherhood", "directorate", "ministers", "cabinet", "chamber", "tribunal",
            // places that speak through their staff ("the Hermitage Museum said"), never a person's name
            "museum", "museums", "gallery", "library", "opera", "orchestra", "theatre", "theater", "hotel", "club",
            "stadium", "cathedral", "mosque", "synagogue", "zoo");

    /** Capitalised words that begin sentences or clauses but never belong to a name. */
    static final Set<String> FUNCTION = Set.of(
            "the", "a", "an", "in", "on", "at", "of", "for", "from", "to", "by", "and", "or", "but", "with", "as",
            "after", "before", "during", "since", "until", "while", "when", "where", "whereas", "if", "although",
            "though", "because", "so", "yet", "also", "meanwhile", "however", "moreover", "furthermore", "similarly",
            "likewise", "besides", "indeed", "still", "then", "thus", "therefore", "hence", "instead", "otherwise",
            "yesterday", "today", "tomorrow", "tonight", "earlier", "later", "now", "recently", "currently",
            "this", "that", "these", "those", "his", "her", "their", "our", "its", "my", "your", "he", "she", "they",
            "we", "i", "it", "you", "who", "whom", "whose", "which", "what", "there", "here", "speaking",
            "according", "despite", "under", "over", "through", "both", "each", "every", "all", "some", "many",
            "most", "several", "other", "another", "such", "no", "not", "only", "even", "just", "first", "second",
            "third", "fourth", "fifth", "last", "next", "finally", "additionally", "separately", "asked", "quoted",
            "citing", "addressing", "responding", "following", "regarding", "concerning", "amid", "among", "against",
            "about", "above", "below", "between", "into", "onto", "upon", "within", "without", "toward", "towards",
            "photo", "image", "picture", "file", "courtesy", "source", "related", "read", "more", "see", "long", "live",
            "dear", "thank", "thanks", "please", "frankly", "perhaps", "once", "twice", "again", "why", "how",
            "kingdom", "god", "allah", "excellency", "majesty", "highness", "sources",
            "official", "officials", "analysts", "experts", "observers", "critics", "residents",
            // the people around someone: "Supporters of Imran Khan said" is not Imran Khan
            "supporters", "opponents", "allies", "aides", "relatives", "followers", "lawyers", "fans", "rivals",
            "backers", "colleagues", "associates", "advisers", "advisors", "loyalists", "detractors", "neighbours",
            "neighbors", "admirers", "sympathisers", "sympathizers", "partisans", "spokespeople", "family", "families",
            "sons", "daughters", "children",
            // auxiliaries that open a question ("Has Washington asked ...?"); not "Will", "Can", "May" or "Do", which
            // are also names
            "has", "have", "had", "did", "does", "is", "are", "was", "were", "would", "could", "should", "shall",
            "must", "might");

    /** Common nouns for documents and bodies that speak: "the statement said", "the ministry said". */
    static final Set<String> SOURCE_NOUNS = Set.of("statement", "statements", "release", "communique", "communiqué",
            "report", "reports", "declaration", "letter", "document", "announcement", "notice", "note", "ministry",
            "embassy", "government", "agency", "office", "council", "committee", "commission", "court", "parliament",
            "senate", "department", "bureau", "website", "post", "newspaper", "paper", "broadcaster", "news",
            "channel", "outlet", "spokesperson's", "organisation", "organization", "association", "group", "bank",
            "party", "army", "military", "police", "institute", "study", "survey", "readout", "transcript",
            "resolution", "policy", "memo", "memorandum", "cable", "kremlin", "palace", "administration", "secretariat",
            "source", "sources", "media", "press", "tweet", "account", "page", "decree", "order", "law", "treaty");

    /** Short titles and name suffixes written with a period: "Mr.", "Dr.", "Jr.". */
    static final Set<String> DOTTED_TITLES = Set.of("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "capt", "adm",
            "maj", "rev", "gov", "pres", "rep", "st", "messrs", "mx", "sgt", "cpl", "jr", "sr", "fr", "hon", "rt", "smt",
            "mme", "mlle", "sra");

    /** Titles as misspelt by one dropped letter ("Prime Minster"), still titles. */
    private static final Set<String> TITLE_TYPOS = typos();

    private static Set<String> typos() {
        Set<String> out = new HashSet<>();
        for (String t : TITLES) {
            if (t.length() < 7 || t.contains("-")) continue;
            // Inner letters only: dropping the first or last letter makes real words ("resident", "office").
            for (int i = 1; i < t.length() - 1; i++) out.add(t.substring(0, i) + t.substring(i + 1));
        }
        return Set.copyOf(out);
    }

    static boolean isTitle(String lower) {
        return TITLES.contains(lower) || TRADES.contains(lower) || TITLE_TYPOS.contains(lower)
                || lower.endsWith("-general") || lower.startsWith("vice-") || lower.startsWith("ex-");
    }

    /** The {@link Token} flags of every listed word, so that a token needs one lookup. */
    private static final Map<String, Integer> FLAGS = flagTable();

    private static Map<String, Integer> flagTable() {
        Map<String, Integer> m = new HashMap<>();
        for (String w : TITLES) m.merge(w, Token.TITLE, (a, b) -> a | b);
        for (String w : TRADES) m.merge(w, Token.TITLE, (a, b) -> a | b);
        for (String w : TITLE_TYPOS) m.merge(w, Token.TITLE, (a, b) -> a | b);
        for (String w : TITLE_GLUE) m.merge(w, Token.TITLE_GLUE, (a, b) -> a | b);
        for (String w : ORGANISATION) m.merge(w, Token.ORGANISATION, (a, b) -> a | b);
        for (String w : FUNCTION) m.merge(w, Token.FUNCTION, (a, b) -> a | b);
        for (String w : PARTICLES) m.merge(w, Token.PARTICLE, (a, b) -> a | b);
        for (String w : DOTTED_TITLES) m.merge(w, Token.DOTTED_TITLE, (a, b) -> a | b);
        for (String w : CAPITALISED_TITLES) m.merge(w, Token.CAPITALISED_TITLE, (a, b) -> a | b);
        return Map.copyOf(m);
    }

    /** Most words of a text are not listed: ruled out without probing {@link #FLAGS}. */
    private static final WordFilter LISTED = WordFilter.of(FLAGS.keySet());

    /** The {@link Token} flags of a lower-case word. */
    static int flagsOf(String lower) {
        return LISTED.mightContain(lower) ? listedFlagsOf(lower) : hyphenatedTitle(lower);
    }

    /** {@link #flagsOf} without the filter (which tests compare it with): the table, then the hyphenated titles. */
    static int listedFlagsOf(String lower) {
        return FLAGS.getOrDefault(lower, 0) | hyphenatedTitle(lower);
    }

    /** "vice-president", "secretary-general": titles that no table lists. */
    private static int hyphenatedTitle(String lower) {
        return lower.indexOf('-') > 0 && isTitle(lower) ? Token.TITLE : 0;
    }

    /** Every word {@link #flagsOf} may give flags to without a hyphen, for tests. */
    static Set<String> listedWords() {
        return FLAGS.keySet();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
