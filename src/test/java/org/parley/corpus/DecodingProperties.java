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
        String text = ""; // what an unreadable file leaves the report to look at: nothing
        try {
            actual = text = CorpusReader.decode(bytes);
        } catch (CorpusException e) {
            actual = "binary";
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(CorpusReader.utf8Problem(bytes, text)).isEqualTo(referenceProblem(bytes));
    }

    @Property(tries = 500)
    void decodesRandomBytesAsTheByteCountDoes(@ForAll byte[] bytes) {
        decodesAsTheByteCountDoes(bytes);
    }

    @net.jqwik.api.Example
    void reportsAUtf16FileAsTheByteCountDoes() {
        // UTF-16LE "\uA9C3" twenty times: its bytes are also twenty UTF-8 "é" behind a byte-order mark that is not
        // UTF-8, which the byte count reports (as it did before the shortcut, though nothing was replaced)
        byte[] bytes = new byte[42];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        for (int i = 2; i < bytes.length; i += 2) {
            bytes[i] = (byte) 0xC3;
            bytes[i + 1] = (byte) 0xA9;
        }
        assertThat(referenceProblem(bytes)).isNotNull();
        decodesAsTheByteCountDoes(bytes);
    }

    @Provide
    Arbitrary<byte[]> textBytes() {
        // ASCII, well-formed sequences of 2-4 bytes, U+FFFD itself, and what is not UTF-8: stray continuation
        // bytes, cut sequences, overlong forms, surrogates, code points past U+10FFFF, Windows-1252 quotes, controls,
        // UTF-16 byte-order marks
        List<int[]> pieces = List.of(new int[] {'a'}, new int[] {'Z', ' '}, new int[] {'.', '\n'}, new int[] {0xC3, 0xA9},
                new int[] {0xE2, 0x80, 0x99}, new int[] {0xF0, 0x9F, 0x98, 0x80}, new int[] {0xEF, 0xBF, 0xBD},
                new int[] {0x80}, new int[] {0xC3}, new int[] {0xE2, 0x80}, new int[] {0xC0, 0xAF}, new int[] {0xE0, 0x80, 0x80},
                new int[] {0xED, 0xA0, 0x80}, new int[] {0xF4, 0x90, 0x80, 0x80}, new int[] {0xF5, 0x80}, new int[] {0xFF},
                new int[] {0x93}, new int[] {0x94, 'x'}, new int[] {0x01}, new int[] {0x1B}, new int[] {0x00},
                new int[] {0xFF, 0xFE}, new int[] {0xFE, 0xFF});
        return Arbitraries.of(pieces).list().ofMaxSize(60).map(list -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int[] piece : list) for (int b : piece) out.write(b);
            return out.toByteArray();
        });
    }

    // --- the decoding as it was: every byte counted first (CorpusReader's own count, which did not change) ---

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static String referenceDecode(byte[] bytes) throws CorpusException {
        if (bytes.length == 0) return CorpusReader.decode(bytes); // empty and UTF-16 files take other paths, unchanged
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            return CorpusReader.decode(bytes);
        }
        if (CorpusReader.looksBinary(bytes)) throw new CorpusException("binary file (not text)");
        CorpusReader.Utf8Check check = CorpusReader.Utf8Check.of(bytes);
        if (check.invalid() == 0) return new String(bytes, StandardCharsets.UTF_8);
        return check.mostlyUtf8() ? new String(bytes, StandardCharsets.UTF_8) : new String(bytes, WINDOWS_1252);
    }

    private static String referenceProblem(byte[] bytes) {
        if (CorpusReader.looksBinary(bytes)) return null;
        CorpusReader.Utf8Check check = CorpusReader.Utf8Check.of(bytes);
        if (check.invalid() == 0 || !check.mostlyUtf8()) return null;
        return check.invalid() + " invalid UTF-8 byte(s) replaced with U+FFFD (the first at byte " + check.firstInvalid() + ")";
    }
}
