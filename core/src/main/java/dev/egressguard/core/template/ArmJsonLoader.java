package dev.egressguard.core.template;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.egressguard.core.expression.Value;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads ARM JSON the way Azure does: comments, raw control characters and newlines inside
 * strings, trailing commas and single quotes are accepted (Azure's JSON.NET reader takes them and
 * real templates use them). Every problem becomes a {@link Diagnostic} at {@code file:line:col},
 * never an exception.
 */
public final class ArmJsonLoader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    /** Azure refuses templates and parameter files larger than 4 MB; nothing larger is read. */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    /** The outcome of loading one file: the document when it could be read, and what was wrong. */
    public record Result(Optional<LoadedJson> json, List<Diagnostic> diagnostics) {
    }

    private ArmJsonLoader() {
    }

    /** Loads {@code file}; {@code displayName} is the name used in locations. */
    public static Result load(Path file, String displayName) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                return failed(SourceLocation.of(displayName), tooLarge(size));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return failed(SourceLocation.of(displayName), "cannot read the file: " + e.getMessage());
        }
        return parse(bytes, displayName);
    }

    /** Parses JSON bytes (UTF-8, or UTF-16 with a byte order mark). */
    public static Result parse(byte[] bytes, String displayName) {
        String text;
        try {
            text = decode(bytes);
        } catch (BadEncoding e) {
            return failed(new SourceLocation(displayName, e.line, e.column), e.getMessage());
        }
        return parse(text, displayName);
    }

    public static Result parse(String text, String displayName) {
        if (text.isBlank()) {
            return failed(SourceLocation.of(displayName), "the file is empty; an ARM template is a JSON object");
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        SourceMap map = new SourceMap(displayName);
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return failed(SourceLocation.of(displayName), "the file holds no JSON value (only comments)");
            }
            if (first != JsonToken.START_OBJECT) {
                String what = first == JsonToken.START_ARRAY ? "an array" : "a single " + describe(first);
                return failed(at(displayName, parser.currentTokenLocation()),
                        "the top-level value is " + what + "; an ARM template or parameter file is a JSON object");
            }
            JsonLocation rootAt = parser.currentTokenLocation();
            SourceMap.Node rootNode = map.root(line(rootAt), column(rootAt));
            Value root = new Reader(parser, diagnostics, displayName).readValue(rootNode);
            if (parser.nextToken() != null) {
                diagnostics.add(Diagnostic.error(at(displayName, parser.currentTokenLocation()),
                        "unexpected content after the end of the JSON document"));
                return new Result(Optional.empty(), diagnostics);
            }
            return new Result(Optional.of(new LoadedJson(root, map)), diagnostics);
        } catch (StreamConstraintsException e) {
            diagnostics.add(Diagnostic.error(SourceLocation.of(displayName), "the JSON is too large or too deeply nested: "
                    + firstLine(e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            diagnostics.add(Diagnostic.error(errorAt(displayName, text, e.getLocation()),
                    "malformed JSON: " + withoutSourceDescription(firstLine(e.getOriginalMessage()))));
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(SourceLocation.of(displayName), "cannot read the JSON: " + e.getMessage()));
        }
        return new Result(Optional.empty(), diagnostics);
    }

    /**
     * The top-level {@code $schema} string of a JSON object, read by streaming only as far as
     * that member: a template names its schema first, so telling what a file is costs a few
     * tokens rather than a parse. Empty when the file is not an object, has no such string
     * member, or goes wrong before it (the caller parses fully to say what is wrong).
     */
    static Optional<String> topLevelSchema(byte[] bytes) {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean schema = "$schema".equalsIgnoreCase(parser.currentName());
                JsonToken value = parser.nextToken();
                if (schema) {
                    return value == JsonToken.VALUE_STRING ? Optional.of(parser.getText()) : Optional.empty();
                }
                parser.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            // Whatever is wrong, the full parse reports it in the caller's words.
        }
        return Optional.empty();
    }

    static String tooLarge(long size) {
        return String.format(java.util.Locale.ROOT, "the file is %.1f MB; Azure accepts templates and parameter files"
                + " of at most 4 MB, so it is not read", size / (1024.0 * 1024.0));
    }

    private static Result failed(SourceLocation at, String message) {
        return new Result(Optional.empty(), List.of(Diagnostic.error(at, message)));
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> "value";
        };
    }

    static SourceLocation at(String file, JsonLocation loc) {
        if (loc == null || loc.getLineNr() <= 0) {
            return SourceLocation.of(file);
        }
        return new SourceLocation(file, loc.getLineNr(), Math.max(loc.getColumnNr(), 0));
    }

    /**
     * Where a parse error is, counted from its character offset in the text: the parser's own
     * line and column do not count the line breaks inside a string that never ends, so they could
     * name a column past the end of the line. An error at the end of the input is put just after
     * the last character that is not white space, where the missing text belongs.
     */
    static SourceLocation errorAt(String file, String text, JsonLocation loc) {
        if (loc == null || loc.getCharOffset() < 0 || loc.getCharOffset() > text.length()) {
            return at(file, loc);
        }
        int offset = (int) Math.min(loc.getCharOffset(), text.stripTrailing().length());
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceLocation(file, line, offset - lineStart + 1);
    }

    /** "[Source: REDACTED (...); line: 3, column: 16]" in the parser's message is "line 3, column 16" to a person. */
    private static String withoutSourceDescription(String message) {
        return message.replaceAll("\\[Source: [^\\]]*; line: (\\d+), column: (\\d+)]", "line $1, column $2");
    }

    /** The line of {@code loc} as the source map keeps it: 0 when unknown, as {@link #at} makes it. */
    private static int line(JsonLocation loc) {
        return loc == null || loc.getLineNr() <= 0 ? 0 : loc.getLineNr();
    }

    private static int column(JsonLocation loc) {
        return line(loc) == 0 ? 0 : Math.max(loc.getColumnNr(), 0);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The recursive descent that builds values and the source map in one pass. */
    private record Reader(JsonParser parser, List<Diagnostic> diagnostics, String file) {

        /** Reads the value whose first token is current; {@code at} is where the source map keeps its children. */
        Value readValue(SourceMap.Node at) throws IOException {
            JsonToken t = parser.currentToken();
            return switch (t) {
                case START_OBJECT -> readObject(at);
                case START_ARRAY -> readArray(at);
                case VALUE_STRING -> new Value.Str(parser.getText());
                case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? new Value.Num(parser.getDecimalValue()) : new Value.Int(parser.getLongValue());
                case VALUE_NUMBER_FLOAT -> new Value.Num(parser.getDecimalValue());
                case VALUE_TRUE -> Value.Bool.TRUE;
                case VALUE_FALSE -> Value.Bool.FALSE;
                case VALUE_NULL -> Value.Null.INSTANCE;
                default -> throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected token " + t);
            };
        }

        private Value readObject(SourceMap.Node at) throws IOException {
            Value.Obj.Builder fields = new Value.Obj.Builder();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonLocation keyAt = parser.currentTokenLocation();
                int keyLine = line(keyAt);
                int keyColumn = column(keyAt);
                parser.nextToken();
                // The source map's keys compare like ARM's, so it is also where a duplicate shows.
                SourceMap.Node earlier = at.written(key);
                if (earlier != null) {
                    diagnostics.add(Diagnostic.warning(at(file, keyAt), "duplicate key '" + key
                            + "' (also at line " + earlier.keyLine() + "); the last one is used"));
                    fields.removeIgnoringCase(key);
                }
                JsonLocation valueAt = parser.currentTokenLocation();
                SourceMap.Node child = at.member(key, keyLine, keyColumn, line(valueAt), column(valueAt));
                fields.put(key, readValue(child));
            }
            return fields.build();
        }

        private Value readArray(SourceMap.Node at) throws IOException {
            List<Value> items = new ArrayList<>();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonLocation elementAt = parser.currentTokenLocation();
                items.add(readValue(at.element(index++, line(elementAt), column(elementAt))));
            }
            return new Value.Arr(items);
        }
    }

    private static final class BadEncoding extends Exception {
        final int line;
        final int column;

        BadEncoding(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private static String decode(byte[] bytes) throws BadEncoding {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes, start);
            int line = 1;
            int lineStart = start;
            for (int i = start; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            String text = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
            throw new BadEncoding(String.format("invalid UTF-8 byte 0x%02X; save the file as UTF-8",
                    bytes[bad] & 0xFF), line, text.length() + 1);
        }
    }

    /** The offset of the first byte that does not start a valid UTF-8 sequence. */
    private static int firstInvalidUtf8(byte[] bytes, int start) {
        int i = start;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
            if (len == 0 || i + len > bytes.length) {
                return i;
            }
            for (int k = 1; k < len; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += len;
        }
        return Math.min(start, bytes.length - 1);
    }
}
