package dev.egressguard.core.rule.condition;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Resource types a rule or graph step accepts: full type names compared case-insensitively,
 * {@code *} matching any run of characters ({@code Microsoft.Network/*}, {@code *}).
 */
public record TypePattern(List<String> texts, List<Pattern> patterns) {

    public static final TypePattern ANY = of(List.of("*"));

    public TypePattern {
        texts = List.copyOf(texts);
        patterns = List.copyOf(patterns);
    }

    public static TypePattern of(List<String> texts) {
        return new TypePattern(texts, texts.stream().map(TypePattern::compile).toList());
    }

    private static Pattern compile(String text) {
        StringBuilder sb = new StringBuilder();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '*') {
                if (i > start) {
                    sb.append(Pattern.quote(text.substring(start, i)));
                }
                if (i < text.length()) {
                    sb.append(".*");
                }
                start = i + 1;
            }
        }
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE);
    }

    public boolean matches(String type) {
        if (type == null) {
            return false;
        }
        // Most patterns are plain types: compare them without a regex (runs per rule per resource).
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text.indexOf('*') < 0 ? text.equalsIgnoreCase(type) : patterns.get(i).matcher(type).matches()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return texts.size() == 1 ? texts.get(0) : String.join(" or ", texts);
    }
}
