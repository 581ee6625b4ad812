package dev.egressguard.core.template;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.egressguard.core.expression.Expressions;
import dev.egressguard.core.value.JsonLimits;
import dev.egressguard.core.value.JsonText;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.ConfinedFiles;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.Excerpt;
import dev.egressguard.core.source.JsonPointers;
import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.source.SyntaxErrors;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads ARM JSON the way Azure does: comments, raw control characters and newlines inside
 * strings, trailing commas and single quotes are accepted (Azure's JSON.NET reader takes them and
 * real templates use them). Every problem becomes a {@link Diagnostic} at {@code file:line:col},
 * never an exception.
 */
final class ArmJsonLoader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .streamReadConstraints(StreamReadConstraints.builder()
                    // One past our limits, so that the Reader meets them first and knows where.
                    .maxNestingDepth(JsonLimits.MAX_NESTING + 1)
                    .maxNumberLength(JsonLimits.READER_NUMBER_LENGTH)
                    .maxNameLength(JsonLimits.MAX_NAME_LENGTH)
                    .build())
            .build();

    /** Azure refuses templates and parameter files larger than 4 MB; nothing larger is read. */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    /** The outcome of loading one file: the document when it could be read, and what was wrong. */
    public record Result(Optional<LoadedJson> json, List<Diagnostic> diagnostics) {
    }

    private ArmJsonLoader() {
    }

    /** Loads a file read through {@link ConfinedFiles}; {@code displayName} is the name used in locations. */
    public static Result load(ConfinedFiles.Read read, String displayName) {
        if (read instanceof ConfinedFiles.TooLarge large) {
            return failed(SourceLocation.of(displayName), tooLarge(large.bytes()));
        }
        if (read instanceof ConfinedFiles.Refused refused) {
            return failed(SourceLocation.of(displayName), refused.problem());
        }
        return parse(((ConfinedFiles.Bytes) read).bytes(), displayName);
    }

    /** Parses JSON bytes (UTF-8, or UTF-16 with a byte order mark). */
    public static Result parse(byte[] bytes, String displayName) {
        Result ascii = parseAscii(bytes, displayName);
        if (ascii != null) {
            return ascii;
        }
        String text;
        try {
            text = decode(bytes);
        } catch (BadEncoding e) {
            return failed(new SourceLocation(displayName, e.line, e.column), e.getMessage());
        }
        return parse(text, displayName);
    }

    /**
     * A file of plain ASCII (nearly every template) parsed from its bytes: ASCII reads the same
     * as UTF-8 bytes and as chars, so tokens, lines and columns are those of the decoded text,
     * without decoding it into a copy first. Null when the file is not plain ASCII without NUL
     * bytes (Jackson would guess another encoding from those) or when anything at all is wrong
     * with it: the parse of the decoded text then says what, in its own words.
     */
    private static Result parseAscii(byte[] bytes, String displayName) {
        for (byte b : bytes) {
            if (b <= 0) {
                return null;
            }
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        SourceMap map = new SourceMap(displayName);
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonLocation rootAt = parser.currentTokenLocation();
            SourceMap.Node rootNode = map.root(line(rootAt), column(rootAt));
            Value root = new Reader(parser, diagnostics, displayName).readValue(rootNode);
            return parser.nextToken() == null ? new Result(Optional.of(new LoadedJson(root, map)), diagnostics) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static Result parse(String text, String displayName) {
        if (text.isBlank()) {
            return failed(SourceLocation.of(displayName), "the file is empty; an ARM template is a JSON object");
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        SourceMap map = new SourceMap(displayName);
        JsonParser parser;
        try {
            parser = FACTORY.createParser(text);
        } catch (IOException e) {
            return failed(SourceLocation.of(displayName), "cannot read the JSON: " + e.getMessage());
        }
        try (parser) {
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
        } catch (Refused e) {
            diagnostics.add(Diagnostic.error(at(displayName, e.at), e.getMessage()));
        } catch (StreamConstraintsException e) {
            // Jackson's own message names its settings; where the parser stopped is where the limit was passed.
            diagnostics.add(Diagnostic.error(at(displayName, parser.currentLocation()), JsonLimits.explain(e)));
        } catch (JsonProcessingException e) {
            diagnostics.add(Diagnostic.error(errorAt(displayName, text, e.getLocation()),
                    "malformed JSON: " + SyntaxErrors.json(e)));
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

    /** The line of {@code loc} as the source map keeps it: 0 when unknown, as {@link #at} makes it. */
    private static int line(JsonLocation loc) {
        return loc == null || loc.getLineNr() <= 0 ? 0 : loc.getLineNr();
    }

    private static int column(JsonLocation loc) {
        return line(loc) == 0 ? 0 : Math.max(loc.getColumnNr(), 0);
    }

    /** The recursive descent that builds values and the source map in one pass. */
    private record Reader(JsonParser parser, List<Diagnostic> diagnostics, String file) {

        /** Reads the value whose first token is current; {@code at} is where the source map keeps its children. */
        Value readValue(SourceMap.Node at) throws IOException {
            JsonToken t = parser.currentToken();
            if (t.isStructStart() && parser.getParsingContext().getNestingDepth() > JsonLimits.MAX_NESTING) {
                throw new Refused(JsonLimits.TOO_DEEP, parser.currentTokenLocation());
            }
            if (t.isNumeric() && parser.getTextLength() > JsonLimits.MAX_NUMBER_LENGTH) {
                throw new Refused(JsonLimits.TOO_LONG_NUMBER, parser.currentTokenLocation());
            }
            return switch (t) {
                case START_OBJECT -> readObject(at);
                case START_ARRAY -> readArray(at);
                case VALUE_STRING -> readString(at);
                case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? new Value.Num(boundedDecimal()) : new Value.Int(parser.getLongValue());
                case VALUE_NUMBER_FLOAT -> new Value.Num(boundedDecimal());
                case VALUE_TRUE -> Value.Bool.TRUE;
                case VALUE_FALSE -> Value.Bool.FALSE;
                case VALUE_NULL -> Value.Null.INSTANCE;
                default -> throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected token " + t);
            };
        }

        private Value readString(SourceMap.Node at) throws IOException {
            Value.Str s = new Value.Str(parser.getText());
            at.wroteString(s);
            return s;
        }

        /**
         * The current number, refused past {@link JsonText#MAX_EXPONENT}: Azure reads JSON numbers
         * as .NET doubles (at most about 1.8e308), and an exact decimal such as 1e999999999 is a
         * short text that prints as a billion digits.
         */
        private BigDecimal boundedDecimal() throws IOException {
            BigDecimal d;
            try {
                d = parser.getDecimalValue();
            } catch (NumberFormatException | StreamReadException e) {
                d = null; // an exponent past what BigDecimal holds, such as 1e99999999999
            }
            if (d == null || !JsonText.isSaneNumber(d)) {
                throw new Refused("the number " + Excerpt.of(parser.getText()) + " is outside the range Azure accepts"
                        + " (JSON numbers are doubles, at most about 1.8e308)", parser.currentTokenLocation());
            }
            return d;
        }

        private Value readObject(SourceMap.Node at) throws IOException {
            Value.Obj.Builder fields = new Value.Obj.Builder();
            boolean verbatim = true;
            boolean copyFree = true;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonLocation keyAt = parser.currentTokenLocation();
                int keyLine = line(keyAt);
                int keyColumn = column(keyAt);
                parser.nextToken();
                int valueLine = tokenLine();
                int valueColumn = tokenColumn(valueLine);
                // The source map's keys compare like ARM's, so it is also where a duplicate shows.
                String segment = JsonPointers.escape(key);
                SourceMap.Node earlier = at.writtenSegment(segment);
                SourceMap.Node child;
                if (earlier != null) {
                    diagnostics.add(Diagnostic.warning(at(file, keyAt), "duplicate key " + Excerpt.quoted(key)
                            + " (also at line " + earlier.keyLine() + "); the last one is used"));
                    fields.removeIgnoringCase(key);
                    child = at.member(key, keyLine, keyColumn, valueLine, valueColumn);
                } else {
                    child = at.newMember(segment, keyLine, keyColumn, valueLine, valueColumn);
                }
                Value value = readValue(child);
                // A "copy" member may be a property copy loop: only the evaluator tells, so never verbatim.
                copyFree = copyFree && !key.equalsIgnoreCase("copy") && isCopyFree(value, child);
                verbatim = verbatim && copyFree && isVerbatim(value, child);
                if (earlier == null) {
                    // The source map has no member of this name in any casing: nor have the fields.
                    fields.putNew(key, value);
                } else {
                    fields.put(key, value);
                }
            }
            Value.Obj obj = fields.build();
            at.wrote(obj, verbatim, copyFree);
            return obj;
        }

        /** Whether no object in {@code value}, just read at {@code node}, has a "copy" member. */
        private static boolean isCopyFree(Value value, SourceMap.Node node) {
            return !(value instanceof Value.Obj || value instanceof Value.Arr) || node.keepsShape(value);
        }

        /** Whether {@code value}, just read at {@code node}, evaluates to itself. */
        private static boolean isVerbatim(Value value, SourceMap.Node node) {
            if (value instanceof Value.Str s) {
                return Expressions.isPlainText(s.value());
            }
            if (value instanceof Value.Obj || value instanceof Value.Arr) {
                return node.isVerbatim(value);
            }
            return true;
        }

        /**
         * The line of the current token as {@link #line(JsonLocation)} of its location gives it,
         * read without making the location: a template has a token every few bytes, and a
         * location object per value was a tenth of what loading allocated. Jackson's parsers
         * keep the token's line and column; its location reports the column one less than
         * {@code getTokenColumnNr} (ArmJsonLoaderLocationTest holds the two to each other).
         */
        private int tokenLine() {
            if (parser instanceof ParserBase base) {
                return base.getTokenLineNr() <= 0 ? 0 : base.getTokenLineNr();
            }
            return line(parser.currentTokenLocation());
        }

        /** The column of the current token as {@link #column(JsonLocation)} gives it; {@code line} is {@link #tokenLine()}. */
        private int tokenColumn(int line) {
            if (parser instanceof ParserBase base) {
                return line == 0 ? 0 : Math.max(base.getTokenColumnNr() - 1, 0);
            }
            return column(parser.currentTokenLocation());
        }

        private Value readArray(SourceMap.Node at) throws IOException {
            Value.Arr.Builder items = new Value.Arr.Builder(4);
            int index = 0;
            boolean verbatim = true;
            boolean copyFree = true;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                int line = tokenLine();
                SourceMap.Node element = at.element(index++, line, tokenColumn(line));
                Value value = readValue(element);
                copyFree = copyFree && isCopyFree(value, element);
                verbatim = verbatim && copyFree && isVerbatim(value, element);
                items.add(value);
            }
            Value.Arr arr = items.build();
            at.wrote(arr, verbatim, copyFree);
            return arr;
        }
    }

    /** A value the Reader refuses (a limit passed, a number Azure could not read), and where it is written. */
    private static final class Refused extends RuntimeException {
        final transient JsonLocation at;

        Refused(String message, JsonLocation at) {
            super(message, null, false, false);
            this.at = at;
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
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            // The decoder stops at the first byte that is not UTF-8 (overlong forms and surrogates too):
            // its position gives the line, and the text decoded before it on that line the column.
            throw badByte(bytes, start, in.position());
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static BadEncoding badByte(byte[] bytes, int start, int bad) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
        return new BadEncoding(String.format("invalid UTF-8 byte 0x%02X; save the file as UTF-8",
                bytes[bad] & 0xFF), line, column);
    }
}
