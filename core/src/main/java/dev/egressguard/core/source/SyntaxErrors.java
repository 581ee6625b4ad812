package dev.egressguard.core.source;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JSON or YAML syntax error is, in words that never quote the file. Jackson's and
 * SnakeYAML's own messages repeat the offending text ("Unrecognized token 'root': ...", "found
 * undefined alias X"): for a file that is not what it should be (a secret behind a link, a
 * credentials file passed by mistake) that text is the secret. The position is the caller's
 * {@link SourceLocation}; this says what kind of token was found and what was expected there.
 */
public final class SyntaxErrors {

    /** A quoted part of a parser's message that is grammar, not content: {@code '<block end>'}, {@code ','}. */
    private static final Pattern GRAMMAR = Pattern.compile("<[a-z ]+>|[\\p{Punct}&&[^']]");
    private static final Pattern QUOTED = Pattern.compile("'([^'\\n]*)'");
    /** SnakeYAML's "x(120)": a character of the file and its code. */
    private static final Pattern CHARACTER_AND_CODE = Pattern.compile("\\S\\(\\d+\\)");
    private static final Pattern CODE = Pattern.compile("\\s*\\(\\d+\\)");
    private static final Pattern JACKSON_CHARACTER = Pattern.compile("^Unexpected character \\('(.)' \\(code (\\d+)\\)\\)");

    private SyntaxErrors() {
    }

    /** What Jackson found wrong, e.g. "an unexpected word where a value should start". */
    public static String json(JsonProcessingException e) {
        String message = firstLine(e.getOriginalMessage());
        String expected = expected(message);
        return found(message) + (expected.isEmpty() ? "" : " " + expected);
    }

    private static String found(String m) {
        if (m.startsWith("Unrecognized token") || m.startsWith("Non-standard token")) {
            return "an unexpected word";
        }
        if (m.startsWith("Unexpected character")) {
            return m.contains("in numeric value") ? "a malformed number" : unexpectedCharacter(m);
        }
        if (m.startsWith("Unexpected end-of-input")) {
            return "the file ends " + (m.contains("closing quote") ? "inside a string"
                    : m.contains("in a comment") ? "inside a comment"
                    : m.contains("field name") ? "inside a key"
                    : m.contains("marker for Object") ? "before the object is closed with '}'"
                    : m.contains("marker for Array") ? "before the array is closed with ']'" : "too early");
        }
        if (m.startsWith("Unexpected close marker")) {
            return "a closing bracket that matches no open one";
        }
        if (m.startsWith("Unrecognized character escape")) {
            return "an unknown escape sequence in a string";
        }
        if (m.startsWith("Illegal unquoted character")) {
            return "a control character in a string, where it must be escaped";
        }
        if (m.startsWith("Illegal character")) {
            return "a control character between tokens";
        }
        if (m.startsWith("Invalid numeric value") || m.startsWith("Numeric value")) {
            return "a malformed or out-of-range number";
        }
        if (m.startsWith("Invalid UTF-8") || m.contains("Invalid UTF-8")) {
            return "bytes that are not valid UTF-8";
        }
        if (m.startsWith("Duplicate field")) {
            return "a duplicate key";
        }
        return "a syntax error";
    }

    /** The character's kind, or the character itself when it is JSON's own punctuation. */
    private static String unexpectedCharacter(String m) {
        Matcher c = JACKSON_CHARACTER.matcher(m);
        if (!c.find()) {
            return "an unexpected character";
        }
        int code = Integer.parseInt(c.group(2));
        if ("{}[]:,\"".indexOf(code) >= 0) {
            return "an unexpected '" + (char) code + "'";
        }
        if (Character.isLetter(code)) {
            return "an unexpected letter";
        }
        if (Character.isDigit(code)) {
            return "an unexpected digit";
        }
        if (code < 0x20) {
            return "an unexpected control character";
        }
        return code < 0x80 ? "an unexpected symbol" : "an unexpected non-ASCII character";
    }

    private static String expected(String m) {
        if (m.contains("double-quote to start field name")) {
            return "where a key in double quotes should start";
        }
        if (m.contains("comma to separate Object entries")) {
            return "where ',' or '}' should follow";
        }
        if (m.contains("comma to separate Array entries")) {
            return "where ',' or ']' should follow";
        }
        if (m.contains("colon to separate field name and value")) {
            return "where ':' should follow a key";
        }
        if (m.contains("(JSON String, Number, Array, Object")) {
            return "where a value should start";
        }
        return "";
    }

    /**
     * SnakeYAML's problem (and its context, "while scanning a simple key", when it has one) with
     * every piece of the file left out: named anchors, aliases, tags, escapes, characters.
     */
    public static String yaml(String context, String problem) {
        String what = yamlProblem(problem);
        String during = context == null ? "" : yamlProblem(context);
        if (what.isEmpty()) {
            what = "a syntax error";
        }
        return during.isEmpty() || during.equals(what) ? what : during + ": " + what;
    }

    private static String yamlProblem(String text) {
        String p = firstLine(text);
        if (p.isEmpty()) {
            return "";
        }
        if (p.startsWith("found undefined alias")) {
            return "found an alias to an anchor that is not defined";
        }
        if (p.startsWith("found undefined tag handle")) {
            return "found a tag handle that is not defined";
        }
        if (p.startsWith("found unknown escape character")) {
            return "found an unknown escape sequence";
        }
        if (p.startsWith("found duplicate anchor")) {
            return "found an anchor defined twice";
        }
        if (p.startsWith("found duplicate key")) {
            return "found a duplicate key";
        }
        if (p.startsWith("found character")) {
            return withoutContent(p.replaceFirst("\\. \\(Do not use .*$", ""));
        }
        return withoutContent(p);
    }

    /** Quoted parts other than grammar become '…'; a character with its code becomes "a character". */
    private static String withoutContent(String text) {
        Matcher quoted = QUOTED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            String keep = GRAMMAR.matcher(quoted.group(1)).matches() ? quoted.group() : "'…'";
            quoted.appendReplacement(out, Matcher.quoteReplacement(keep));
        }
        quoted.appendTail(out);
        String characters = CHARACTER_AND_CODE.matcher(out).replaceAll("a character");
        return CODE.matcher(characters).replaceAll("").strip();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
