package dev.egressguard.core.rule.condition;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A finding message with placeholders: {@code "Scale set '{name}' gives every instance a public
 * IP ({path})."}. {@code {{} and {@code }}} write literal braces.
 */
public final class MessageTemplate implements Explained.Text {

    public static final List<String> PLACEHOLDERS = MessageValues.NAMES;

    private sealed interface Part permits Text, Slot {
    }

    private record Text(String text) implements Part {
    }

    private record Slot(String name) implements Part {
    }

    private final String source;
    private final List<Part> parts;

    private MessageTemplate(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /** Parses a template; the exception says which placeholder or brace is wrong. */
    public static MessageTemplate parse(String source) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '{' && i + 1 < source.length() && source.charAt(i + 1) == '{') {
                text.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < source.length() && source.charAt(i + 1) == '}') {
                text.append('}');
                i += 2;
            } else if (c == '{') {
                int close = source.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("'{' at position " + (i + 1) + " is not closed (write {{ for a brace)");
                }
                String name = source.substring(i + 1, close).trim();
                if (!PLACEHOLDERS.contains(name)) {
                    throw new IllegalArgumentException("unknown placeholder {" + name + "}; known: {"
                            + String.join("} {", PLACEHOLDERS) + "}");
                }
                if (text.length() > 0) {
                    parts.add(new Text(text.toString()));
                    text.setLength(0);
                }
                parts.add(new Slot(name));
                i = close + 1;
            } else if (c == '}') {
                throw new IllegalArgumentException("'}' at position " + (i + 1) + " has no '{' (write }} for a brace)");
            } else {
                text.append(c);
                i++;
            }
        }
        if (text.length() > 0) {
            parts.add(new Text(text.toString()));
        }
        return new MessageTemplate(source, parts);
    }

    @Override
    public boolean uses(String placeholder) {
        return parts.stream().anyMatch(p -> p instanceof Slot s && s.name().equals(placeholder));
    }

    /** The message with each placeholder replaced by its value (an absent value renders empty). */
    @Override
    public String render(Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Text t) {
                sb.append(t.text());
            } else {
                String v = values.get(((Slot) p).name());
                sb.append(v == null ? "" : v);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return source;
    }
}
