package dev.egressguard.core.expression.functions;

import java.math.BigInteger;
import java.util.Optional;

/**
 * IP address literals read and written as text only, never through {@code java.net}: an
 * {@code InetAddress.getByName} of a template's text would send a DNS query for a host name, so a
 * pull request could leak data through DNS or stall the build that checks it.
 *
 * <p>Read: IPv4 as a dotted quad of decimal octets, IPv6 in the textual forms of RFC 4291
 * section 2.2 (full, {@code ::} compressed, and with a dotted quad as its last 32 bits). Nothing
 * else: no host names, no zone ids ({@code %eth0}), no short or hexadecimal IPv4 forms, and no
 * octet with a leading zero, which .NET (Azure's parser) reads as octal and Java read as decimal.
 * Written: IPv4 dotted, IPv6 as RFC 5952 recommends (lower case, the longest run of zero groups as
 * {@code ::}), as Azure's examples show them (learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-cidr).
 */
final class IpLiteral {

    private IpLiteral() {
    }

    /** The address as 4 or 16 bytes, or empty when {@code text} is not an IP literal. */
    static Optional<byte[]> parse(String text) {
        return text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
    }

    /** The text of {@code address} as an unsigned number of {@code bits} (32 or 128) bits. */
    static String format(BigInteger address, int bits) {
        byte[] raw = new byte[bits / 8];
        byte[] big = address.toByteArray();
        int copy = Math.min(big.length, raw.length);
        System.arraycopy(big, big.length - copy, raw, raw.length - copy, copy);
        return bits == 32 ? dotted(raw, 0) : ipv6Text(raw);
    }

    private static Optional<byte[]> ipv4(String text) {
        byte[] out = new byte[4];
        return ipv4Into(text, out, 0) ? Optional.of(out) : Optional.empty();
    }

    private static boolean ipv4Into(String text, byte[] out, int offset) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0') || !decimal(p)) {
                return false;
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return false;
            }
            out[offset + i] = (byte) octet;
        }
        return true;
    }

    private static Optional<byte[]> ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        int[] groups = new int[8];
        byte[] v4 = new byte[4];
        String[] headParts = head.isEmpty() ? new String[0] : head.split(":", -1);
        String[] tailParts = tail.isEmpty() ? new String[0] : tail.split(":", -1);
        String[] last = gap >= 0 ? tailParts : headParts;
        boolean dotted = last.length > 0 && last[last.length - 1].indexOf('.') >= 0;
        if (dotted && !ipv4Into(last[last.length - 1], v4, 0)) {
            return Optional.empty();
        }
        int lastGroups = dotted ? 2 : 0;
        int written = headParts.length + tailParts.length - (dotted ? 1 : 0) + lastGroups;
        if (gap >= 0 ? written > 7 : written != 8) {
            return Optional.empty();
        }
        if (!hexGroups(headParts, groups, 0, gap < 0 && dotted)) {
            return Optional.empty();
        }
        int tailStart = 8 - (tailParts.length - (dotted && gap >= 0 ? 1 : 0)) - (gap >= 0 ? lastGroups : 0);
        if (gap >= 0 && !hexGroups(tailParts, groups, tailStart, dotted)) {
            return Optional.empty();
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (groups[i] >> 8);
            out[2 * i + 1] = (byte) groups[i];
        }
        if (dotted) {
            System.arraycopy(v4, 0, out, 12, 4);
        }
        return Optional.of(out);
    }

    /** Reads hexadecimal groups into {@code groups} from {@code start}; the last part is skipped when it is a dotted quad. */
    private static boolean hexGroups(String[] parts, int[] groups, int start, boolean lastIsDotted) {
        int n = lastIsDotted ? parts.length - 1 : parts.length;
        for (int i = 0; i < n; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 4 || !hex(p)) {
                return false;
            }
            groups[start + i] = Integer.parseInt(p, 16);
        }
        return true;
    }

    private static boolean decimal(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    private static String dotted(byte[] raw, int offset) {
        return (raw[offset] & 0xFF) + "." + (raw[offset + 1] & 0xFF) + "." + (raw[offset + 2] & 0xFF) + "."
                + (raw[offset + 3] & 0xFF);
    }

    /** RFC 5952 section 4: lower-case groups without leading zeros, the first longest run of two or more zero groups as {@code ::}. */
    private static String ipv6Text(byte[] raw) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((raw[2 * i] & 0xFF) << 8) | (raw[2 * i + 1] & 0xFF);
        }
        if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0 && groups[5] == 0xFFFF) {
            return "::ffff:" + dotted(raw, 12); // RFC 5952 section 5: an IPv4-mapped address ends in its dotted quad
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
