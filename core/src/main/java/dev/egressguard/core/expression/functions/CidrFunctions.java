package dev.egressguard.core.expression.functions;

import dev.egressguard.core.expression.FunctionCall;
import dev.egressguard.core.expression.FunctionLibrary;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.Excerpt;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** parseCidr, cidrSubnet, cidrHost, for IPv4 and IPv6 ranges. */
final class CidrFunctions {

    private CidrFunctions() {
    }

    /**
     * Registers the one function {@code name} (as {@code StandardFunctions} declares it) when a template
     * first calls it: each body is a lambda, linked only when its case runs.
     */
    public static void register(FunctionLibrary.Builder b, String name) {
        switch (name) {
            case "parseCidr" -> b.add(name, 1, 1, CidrFunctions::parseCidr);
            case "cidrSubnet" -> b.add(name, 3, 3, CidrFunctions::cidrSubnet);
            case "cidrHost" -> b.add(name, 2, 2, CidrFunctions::cidrHost);
        }
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

    /**
     * A range in CIDR notation. The address must be an IP literal ({@link IpLiteral}): a host name
     * is an error here, never a DNS query.
     */
    static Cidr parse(FunctionCall c, String text) {
        int slash = text.indexOf('/');
        Optional<byte[]> raw = slash < 0 ? Optional.empty() : IpLiteral.parse(text.substring(0, slash));
        String prefixText = slash < 0 ? "" : text.substring(slash + 1);
        if (raw.isEmpty() || !isPrefixLength(prefixText)) {
            throw c.error("expects a CIDR range of an IP address such as '10.0.0.0/16' or 'fd00::/48' but got "
                    + Excerpt.quoted(text));
        }
        int bits = raw.get().length * 8;
        int prefix = Integer.parseInt(prefixText);
        if (prefix > bits) {
            throw c.error("has a prefix length " + prefix + " outside 0.." + bits + " in " + Excerpt.quoted(text));
        }
        BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        BigInteger mask = all.shiftRight(prefix).not().and(all);
        return new Cidr(new BigInteger(1, raw.get()).and(mask), prefix, bits);
    }

    /** One to three decimal digits: the range is checked against the address width after. */
    private static boolean isPrefixLength(String text) {
        return !text.isEmpty() && text.length() <= 3 && text.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    private static Value parseCidr(FunctionCall c) {
        Cidr cidr = parse(c, c.string(0));
        Map<String, Value> f = new LinkedHashMap<>();
        f.put("network", Value.of(IpLiteral.format(cidr.network(), cidr.bits())));
        f.put("netmask", Value.of(IpLiteral.format(BigInteger.ONE.shiftLeft(cidr.bits()).subtract(cidr.size()), cidr.bits())));
        if (cidr.bits() == 32) {
            f.put("broadcast", Value.of(IpLiteral.format(cidr.last(), 32)));
        }
        // Azure counts the usable hosts: the network and broadcast addresses are excluded below /31.
        boolean small = cidr.bits() - cidr.prefix() <= 1;
        BigInteger first = small || cidr.bits() == 128 ? cidr.network() : cidr.network().add(BigInteger.ONE);
        BigInteger last = small || cidr.bits() == 128 ? cidr.last() : cidr.last().subtract(BigInteger.ONE);
        f.put("firstUsable", Value.of(IpLiteral.format(first, cidr.bits())));
        f.put("lastUsable", Value.of(IpLiteral.format(last, cidr.bits())));
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
                    + " in " + Excerpt.quoted(c.string(0)));
        }
        BigInteger start = cidr.network().add(BigInteger.valueOf(index).shiftLeft((int) (cidr.bits() - newPrefix)));
        return Value.of(IpLiteral.format(start, cidr.bits()) + "/" + newPrefix);
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
            throw c.error("host index " + index + " is outside the usable addresses of " + Excerpt.quoted(c.string(0)));
        }
        return Value.of(IpLiteral.format(host, cidr.bits()));
    }
}
