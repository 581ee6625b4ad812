package dev.egressguard.core.rule.condition;

import java.util.List;

/**
 * The reference pointers a {@code referencedBy}'s {@code via} names:
 * {@code properties.ipConfigurations[*].properties.subnet} matches
 * {@code /properties/ipConfigurations/0/properties/subnet} and
 * {@code /properties/ipConfigurations/0/properties/subnet/id} (the graph indexes the {@code id}
 * inside). Keys compare case-insensitively in ASCII, {@code [*]} is any run of ASCII digits,
 * {@code [n]} exactly {@code n}.
 *
 * <p>Matched segment by segment, without a regular expression: every reference to every
 * evaluated resource is tested, and a {@code Matcher} for each one was most of the step's garbage.
 * The pattern this replaces ({@code /<quoted escaped key>|/n|/\d+ ... (/id)?}, case-insensitive
 * without Unicode case) matched exactly the same pointers; the test pins that.
 */
record ViaPointer(List<FieldPath.Segment> segments) {

    private static final String ID = "id";

    ViaPointer {
        segments = List.copyOf(segments);
    }

    static ViaPointer of(FieldPath via) {
        return new ViaPointer(via.segments());
    }

    boolean matches(String pointer) {
        int pos = 0;
        int n = pointer.length();
        for (FieldPath.Segment s : segments) {
            if (pos >= n || pointer.charAt(pos) != '/') {
                return false;
            }
            int start = pos + 1;
            int end = pointer.indexOf('/', start);
            end = end < 0 ? n : end;
            boolean same;
            if (s instanceof FieldPath.Key k) {
                same = equalsIgnoringAsciiCase(pointer, start, end, k.escaped());
            } else if (s instanceof FieldPath.Index i) {
                same = equalsIgnoringAsciiCase(pointer, start, end, Integer.toString(i.index()));
            } else {
                same = end > start && asciiDigits(pointer, start, end);
            }
            if (!same) {
                return false;
            }
            pos = end;
        }
        // The via position itself, or its id.
        return pos == n || pos + 1 + ID.length() == n && pointer.charAt(pos) == '/'
                && equalsIgnoringAsciiCase(pointer, pos + 1, n, ID);
    }

    private static boolean equalsIgnoringAsciiCase(String text, int start, int end, String expected) {
        if (end - start != expected.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            char a = text.charAt(start + i);
            char b = expected.charAt(i);
            if (a != b && asciiLower(a) != asciiLower(b)) {
                return false;
            }
        }
        return true;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static boolean asciiDigits(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
