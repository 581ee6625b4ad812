package dev.egressguard.core.expression.functions;

/**
 * Translates a .NET date format ({@code yyyy-MM-dd HH:mm:ss}, or a standard one such as
 * {@code u}) to a java.time pattern; the letters common to both mean the same.
 */
final class DotNetDateFormat {

    private DotNetDateFormat() {
    }

    static String toJava(String format) {
        return switch (format) {
            case "u" -> "yyyy-MM-dd HH:mm:ss'Z'";
            case "s" -> "yyyy-MM-dd'T'HH:mm:ss";
            case "d" -> "M/d/yyyy";
            case "o", "O" -> "yyyy-MM-dd'T'HH:mm:ss.SSSSSSSXXX";
            default -> format.replace("tt", "a").replace("fffffff", "SSSSSSS").replace("fff", "SSS")
                    .replace("K", "XXX").replace("zzz", "xxx");
        };
    }
}
