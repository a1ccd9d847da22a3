package org.parley.search;

import java.util.List;
import java.util.function.UnaryOperator;

/** Renders a text with its highlight spans wrapped in markers: {@code <mark>} on the page, emphasis on a terminal. */
public final class Highlights {
    private Highlights() {
    }

    /**
     * The first {@code maxChars} of {@code text} (an ellipsis when cut), each piece passed through {@code escape},
     * with the spans between {@code open} and {@code close}. Spans that are out of order, overlap or run past the
     * text are clipped or skipped, never trusted.
     */
    public static String render(String text, List<Span> spans, int maxChars, UnaryOperator<String> escape,
                                String open, String close) {
        if (text == null) return "";
        int limit = Math.min(text.length(), maxChars);
        StringBuilder out = new StringBuilder(limit + 32);
        int pos = 0;
        for (Span s : spans == null ? List.<Span>of() : spans) {
            int start = Math.max(s.start(), pos);
            int end = Math.min(s.end(), limit);
            if (end <= start) continue;
            out.append(escape.apply(text.substring(pos, start))).append(open)
                    .append(escape.apply(text.substring(start, end))).append(close);
            pos = end;
        }
        out.append(escape.apply(text.substring(pos, limit)));
        if (limit < text.length()) out.append('…');
        return out.toString();
    }
}
