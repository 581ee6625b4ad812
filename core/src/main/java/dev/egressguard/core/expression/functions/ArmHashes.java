package dev.egressguard.core.expression.functions;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;

/**
 * The deterministic name generators of ARM, bit for bit, so that names a template derives
 * ({@code uniqueString(resourceGroup().id)}) match those of a real deployment.
 */
final class ArmHashes {

    /** The namespace ARM's guid() hashes its arguments under (a name-based, version 5 UUID). */
    static final UUID GUID_NAMESPACE = UUID.fromString("11fb06fb-712d-4ddd-98c7-e71bbd588830");

    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    private ArmHashes() {
    }

    /** {@code uniqueString(parts...)}: 13 base-32 characters of a 64-bit hash of the '-'-joined parts. */
    public static String uniqueString(List<String> parts) {
        long hash = murmur64(String.join("-", parts).getBytes(StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder(13);
        for (int i = 0; i < 13; i++) {
            sb.append(BASE32.charAt((int) (hash >>> 59)));
            hash <<= 5;
        }
        return sb.toString();
    }

    /** {@code guid(parts...)}: the version 5 UUID of the '-'-joined parts in ARM's namespace. */
    public static String guid(List<String> parts) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java runtime", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16);
        ns.putLong(GUID_NAMESPACE.getMostSignificantBits()).putLong(GUID_NAMESPACE.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] hash = sha1.digest(String.join("-", parts).getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(b.getLong(), b.getLong()).toString();
    }

    /**
     * The 64-bit MurmurHash variant of Azure's resource stack: two 32-bit lanes over 8-byte
     * blocks with MurmurHash3 x86 constants, combined as {@code h2 << 32 | h1}.
     */
    static long murmur64(byte[] data) {
        final int c1 = 0x239b961b;
        final int c2 = 0xab0e9789;
        int length = data.length;
        int h1 = 0;
        int h2 = 0;
        int index = 0;
        while (index + 7 < length) {
            int k1 = littleEndian(data, index, 4);
            int k2 = littleEndian(data, index + 4, 4);
            k1 *= c1;
            k1 = Integer.rotateLeft(k1, 15);
            k1 *= c2;
            h1 ^= k1;
            h1 = Integer.rotateLeft(h1, 19);
            h1 += h2;
            h1 = h1 * 5 + 0x561ccd1b;
            k2 *= c2;
            k2 = Integer.rotateLeft(k2, 17);
            k2 *= c1;
            h2 ^= k2;
            h2 = Integer.rotateLeft(h2, 13);
            h2 += h1;
            h2 = h2 * 5 + 0x0bcaa747;
            index += 8;
        }
        int tail = length - index;
        if (tail > 0) {
            int k1 = littleEndian(data, index, Math.min(tail, 4));
            k1 *= c1;
            k1 = Integer.rotateLeft(k1, 15);
            k1 *= c2;
            h1 ^= k1;
            if (tail > 4) {
                int k2 = littleEndian(data, index + 4, tail - 4);
                k2 *= c2;
                k2 = Integer.rotateLeft(k2, 17);
                k2 *= c1;
                h2 ^= k2;
            }
        }
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        h2 += h1;
        return ((long) h2 << 32) | (h1 & 0xffffffffL);
    }

    private static int littleEndian(byte[] data, int from, int count) {
        int v = 0;
        for (int i = 0; i < count; i++) {
            v |= (data[from + i] & 0xff) << (8 * i);
        }
        return v;
    }

    private static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
