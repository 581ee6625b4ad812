package dev.egressguard.core.expression.functions;

import dev.egressguard.core.expression.FunctionCall;
import dev.egressguard.core.expression.FunctionLibrary;
import dev.egressguard.core.expression.Value;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

/** parseCidr, cidrSubnet, cidrHost, for IPv4 and IPv6 ranges. */
public final class CidrFunctions {

    private CidrFunctions() {
    }

    public static void register(FunctionLibrary.Builder b) {
        b.add("parseCidr", 1, 1, CidrFunctions::parseCidr);
        b.add("cidrSubnet", 3, 3, CidrFunctions::cidrSubnet);
        b.add("cidrHost", 2, 2, CidrFunctions::cidrHost);
    }

    /** A range: its network address, prefix length and address width (32 or 128 bits). */
    record Cidr(BigInteger network, int prefix, int bits) {

        BigInteger size() {
            return BigInteger.ONE.shiftLeft(bits - prefix);
        }

        BigInteger last() {
            return network.add(size()).subtract(BigInteger.ONE);
        }
    }

    static Cidr parse(FunctionCall c, String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw c.error("expects a CIDR range such as '10.0.0.0/16' but got '" + text + "'");
        }
        try {
            String host = text.substring(0, slash);
            if (!host.matches("[0-9.]+") && !host.contains(":")) {
                throw c.error("expects a CIDR range such as '10.0.0.0/16' but got '" + text + "'");
            }
            byte[] raw = InetAddress.getByName(host).getAddress();
            int bits = raw.length * 8;
            int prefix = Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw c.error("has a prefix length " + prefix + " outside 0.." + bits + " in '" + text + "'");
            }
            BigInteger address = new BigInteger(1, raw);
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .shiftRight(prefix).not().and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
            return new Cidr(address.and(mask), prefix, bits);
        } catch (UnknownHostException | NumberFormatException e) {
            throw c.error("expects a CIDR range such as '10.0.0.0/16' but got '" + text + "'");
        }
    }

    static String format(BigInteger address, int bits) {
        byte[] raw = new byte[bits / 8];
        byte[] big = address.toByteArray();
        int copy = Math.min(big.length, raw.length);
        System.arraycopy(big, big.length - copy, raw, raw.length - copy, copy);
        try {
            String s = InetAddress.getByAddress(raw).getHostAddress();
            return bits == 128 ? compressIpv6(s) : s;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Java writes 0:0:0:0:0:0:0:1; Azure writes ::1 (RFC 5952). */
    private static String compressIpv6(String s) {
        String[] parts = s.split(":");
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < parts.length; ) {
            if (parts[i].equals("0")) {
                int j = i;
                while (j < parts.length && parts[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLength && j - i > 1) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return s;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(parts, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(parts, bestStart + bestLength, parts.length));
        return head + "::" + tail;
    }

    private static Value parseCidr(FunctionCall c) {
        Cidr cidr = parse(c, c.string(0));
        Map<String, Value> f = new LinkedHashMap<>();
        f.put("network", Value.of(format(cidr.network(), cidr.bits())));
        f.put("netmask", Value.of(format(BigInteger.ONE.shiftLeft(cidr.bits()).subtract(cidr.size()), cidr.bits())));
        if (cidr.bits() == 32) {
            f.put("broadcast", Value.of(format(cidr.last(), 32)));
        }
        // Azure counts the usable hosts: the network and broadcast addresses are excluded below /31.
        boolean small = cidr.bits() - cidr.prefix() <= 1;
        BigInteger first = small || cidr.bits() == 128 ? cidr.network() : cidr.network().add(BigInteger.ONE);
        BigInteger last = small || cidr.bits() == 128 ? cidr.last() : cidr.last().subtract(BigInteger.ONE);
        f.put("firstUsable", Value.of(format(first, cidr.bits())));
        f.put("lastUsable", Value.of(format(last, cidr.bits())));
        f.put("cidr", Value.of(cidr.prefix()));
        return new Value.Obj(f);
    }

    private static Value cidrSubnet(FunctionCall c) {
        Cidr cidr = parse(c, c.string(0));
        long newPrefix = c.integer(1);
        long index = c.integer(2);
        if (newPrefix < cidr.prefix() || newPrefix > cidr.bits()) {
            throw c.error("expects a new prefix length between " + cidr.prefix() + " and " + cidr.bits()
                    + " but got " + newPrefix);
        }
        BigInteger count = BigInteger.ONE.shiftLeft((int) (newPrefix - cidr.prefix()));
        if (index < 0 || BigInteger.valueOf(index).compareTo(count) >= 0) {
            throw c.error("subnet index " + index + " is outside the " + count + " subnets of /" + newPrefix
                    + " in " + c.string(0));
        }
        BigInteger start = cidr.network().add(BigInteger.valueOf(index).shiftLeft((int) (cidr.bits() - newPrefix)));
        return Value.of(format(start, cidr.bits()) + "/" + newPrefix);
    }

    private static Value cidrHost(FunctionCall c) {
        Cidr cidr = parse(c, c.string(0));
        long index = c.integer(1);
        // Host 0 is the address after the network's own, in IPv6 too (Azure's documented examples).
        boolean small = cidr.bits() - cidr.prefix() <= 1;
        BigInteger offset = BigInteger.valueOf(index).add(small ? BigInteger.ZERO : BigInteger.ONE);
        BigInteger host = cidr.network().add(offset);
        BigInteger lastUsable = small || cidr.bits() == 128 ? cidr.last() : cidr.last().subtract(BigInteger.ONE);
        if (index < 0 || host.compareTo(lastUsable) > 0) {
            throw c.error("host index " + index + " is outside the usable addresses of " + c.string(0));
        }
        return Value.of(format(host, cidr.bits()));
    }
}
