package org.parley.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Decoding takes a shortcut for well-formed UTF-8 (the JDK's decoder, then a look for U+FFFD) before it counts
 * bytes: its texts and its reports must be those of the byte count alone, which {@link #referenceDecode} and
 * {@link #referenceProblem} keep as they were.
 */
class DecodingProperties {

    @Property(tries = 3000)
    void decodesAsTheByteCountDoes(@ForAll("textBytes") byte[] bytes) {
        String expected;
        try {
            expected = referenceDecode(bytes);
        } catch (CorpusException e) {
            expected = "binary";
        }
        String actual;
        try {
            actual = CorpusReader.decode(bytes);
        } catch (CorpusException e) {
            actual = "binary";
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(CorpusReader.utf8Problem(bytes)).isEqualTo(referenceProblem(bytes));
    }

    @Property(tries = 500)
    void decodesRandomBytesAsTheByteCountDoes(@ForAll byte[] bytes) {
        decodesAsTheByteCountDoes(bytes);
    }

    @Provide
    Arbitrary<byte[]> textBytes() {
        // ASCII, well-formed sequences of 2-4 bytes, U+FFFD itself, and what is not UTF-8: stray continuation
        // bytes, cut sequences, overlong forms, surrogates, code points past U+10FFFF, Windows-1252 quotes, controls
        List<int[]> pieces = List.of(new int[] {'a'}, new int[] {'Z', ' '}, new int[] {'.', '\n'}, new int[] {0xC3, 0xA9},
                new int[] {0xE2, 0x80, 0x99}, new int[] {0xF0, 0x9F, 0x98, 0x80}, new int[] {0xEF, 0xBF, 0xBD},
                new int[] {0x80}, new int[] {0xC3}, new int[] {0xE2, 0x80}, new int[] {0xC0, 0xAF}, new int[] {0xE0, 0x80, 0x80},
                new int[] {0xED, 0xA0, 0x80}, new int[] {0xF4, 0x90, 0x80, 0x80}, new int[] {0xF5, 0x80}, new int[] {0xFF},
                new int[] {0x93}, new int[] {0x94, 'x'}, new int[] {0x01}, new int[] {0x1B}, new int[] {0x00});
        return Arbitraries.of(pieces).list().ofMaxSize(60).map(list -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int[] piece : list) for (int b : piece) out.write(b);
            return out.toByteArray();
        });
    }

    // --- the decoding as it was: every byte counted first ---

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static String referenceDecode(byte[] bytes) throws CorpusException {
        if (bytes.length == 0) return CorpusReader.decode(bytes); // empty and UTF-16 files take other paths, unchanged
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            return CorpusReader.decode(bytes);
        }
        if (looksBinary(bytes)) throw new CorpusException("binary file (not text)");
        int[] check = check(bytes);
        if (check[1] == 0) return new String(bytes, StandardCharsets.UTF_8);
        return mostlyUtf8(check) ? new String(bytes, StandardCharsets.UTF_8) : new String(bytes, WINDOWS_1252);
    }

    private static String referenceProblem(byte[] bytes) {
        if (looksBinary(bytes)) return null;
        int[] check = check(bytes);
        if (check[1] == 0 || !mostlyUtf8(check)) return null;
        return check[1] + " invalid UTF-8 byte(s) replaced with U+FFFD (the first at byte " + check[2] + ")";
    }

    private static boolean mostlyUtf8(int[] check) {
        return check[0] > 0 && check[1] * 20L <= check[0] + 20L;
    }

    /** Well-formed multi-byte sequences, invalid bytes, the first invalid byte's offset. */
    private static int[] check(byte[] b) {
        int multi = 0;
        int invalid = 0;
        int first = -1;
        for (int i = 0; i < b.length; ) {
            int c = b[i] & 0xFF;
            int need = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
            boolean ok = need >= 0 && i + need < b.length;
            for (int k = 1; ok && k <= need; k++) ok = (b[i + k] & 0xC0) == 0x80;
            if (!ok) {
                invalid++;
                if (first < 0) first = i;
                i++;
            } else {
                if (need > 0) multi++;
                i += need + 1;
            }
        }
        return new int[] {multi, invalid, first};
    }

    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192), control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) return true;
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) control++;
        }
        return control * 20 > n;
    }
}
