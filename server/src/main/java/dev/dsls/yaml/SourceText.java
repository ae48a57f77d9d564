package dev.dsls.yaml;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns file bytes into text: UTF-8 without its byte order mark. Bytes that are not UTF-8 are
 * replaced (so the rest of the file is still checked) and the first bad byte is reported.
 *
 * @param badByteOffset the byte offset of the first malformed sequence, or -1
 */
public record SourceText(String text, int badByteOffset, Position badBytePosition) {
    public static final String INVALID_UTF8 = "yaml-invalid-utf8";

    public static SourceText decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new SourceText(stripBom(text), -1, null);
        } catch (CharacterCodingException e) {
            int bad = firstMalformed(bytes);
            String text = stripBom(new String(bytes, StandardCharsets.UTF_8));
            String before = stripBom(new String(bytes, 0, bad, StandardCharsets.UTF_8));
            return new SourceText(text, bad, new TextIndex(before).positionAt(before.length()));
        }
    }

    public boolean isValidUtf8() {
        return badByteOffset < 0;
    }

    /** The problem to report for bytes that are not UTF-8, or null. */
    public YamlProblem encodingProblem() {
        if (isValidUtf8()) {
            return null;
        }
        Position at = badBytePosition;
        return new YamlProblem(INVALID_UTF8, String.format("The file is not valid UTF-8 (byte %d); Kubernetes reads"
                + " manifests as UTF-8, so save the file in that encoding.", badByteOffset),
                new Range(at, new Position(at.line(), at.character() + 1)));
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int firstMalformed(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }
}
