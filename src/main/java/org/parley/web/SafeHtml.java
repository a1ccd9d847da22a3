package org.parley.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only markup the pages print unescaped is highlighting: {@code <mark>} and {@code </mark>}. Everything that
 * reaches {@code th:utext} goes through here first, whatever the search service promised.
 */
final class SafeHtml {
    private static final Pattern MARK = Pattern.compile("<(/?)mark>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|apos|#39|#x27|#34|#x22);", Pattern.CASE_INSENSITIVE);

    private SafeHtml() {
    }

    /** HTML-escapes text for element content and attribute values. */
    static String escape(String text) {
        if (text == null) return "";
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Re-sanitises a highlighted snippet (escaped text with {@code <mark>} tags): the text between the tags is
     * decoded once and escaped again, so that stray markup of any kind is shown as text, and the tags are
     * rebuilt balanced (no nesting, every mark closed).
     */
    static String snippet(String html) {
        if (html == null) return "";
        StringBuilder out = new StringBuilder(html.length() + 16);
        Matcher m = MARK.matcher(html);
        int last = 0;
        boolean open = false;
        while (m.find()) {
            out.append(escape(unescape(html.substring(last, m.start()))));
            boolean closing = !m.group(1).isEmpty();
            if (closing && open) {
                out.append("</mark>");
                open = false;
            } else if (!closing && !open) {
                out.append("<mark>");
                open = true;
            }
            last = m.end();
        }
        out.append(escape(unescape(html.substring(last))));
        if (open) out.append("</mark>");
        return out.toString();
    }

    /** Decodes the entities an HTML escaper produces; anything else stays as it is (and is escaped later). */
    static String unescape(String s) {
        if (s.indexOf('&') < 0) return s;
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            String replacement = switch (m.group(1).toLowerCase(java.util.Locale.ROOT)) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot", "#34", "#x22" -> "\"";
                default -> "'";
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
