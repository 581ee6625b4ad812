package dev.egressguard.core.report.map;

import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * What may go on an allowlist line: only text that is an IPv4 or IPv6 CIDR. An address comes from
 * a live subscription or from a previous map's file, so it may be anything (a line break and a
 * second "CIDR", say); what is no CIDR is never written as one.
 */
final class Cidrs {

    private static final Pattern V4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)/(3[0-2]|[12]?\\d)");
    /** Hex groups and colons (one '::' at most is not checked: Azure writes what it assigned). */
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:]{2,39}/(12[0-8]|1[01]\\d|[1-9]?\\d)");

    /** IPv4 by number, then IPv6 and anything else by text: an allowlist reads in address order. */
    static final Comparator<String> ORDER = Comparator.comparing(Cidrs::v4Key, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Comparator.naturalOrder());

    private Cidrs() {
    }

    static boolean isCidr(String text) {
        return text != null && (V4.matcher(text).matches() || V6.matcher(text).matches() && text.contains(":"));
    }

    /** An IPv4 CIDR as one number (address, then prefix length), null for anything else. */
    private static Long v4Key(String cidr) {
        if (cidr == null || !V4.matcher(cidr).matches()) {
            return null;
        }
        String[] parts = cidr.split("[./]");
        long key = 0;
        for (int i = 0; i < 4; i++) {
            key = key * 256 + Long.parseLong(parts[i]);
        }
        return key * 256 + Long.parseLong(parts[4]);
    }
}
