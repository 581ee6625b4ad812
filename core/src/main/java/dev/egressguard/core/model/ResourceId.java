package dev.egressguard.core.model;

import dev.egressguard.core.source.AsciiCase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An ARM resource id. ARM compares ids case-insensitively, so equality and hashing use a
 * lower-cased form while {@link #toString()} keeps the spelling it was given.
 *
 * <p>Shapes understood: {@code /subscriptions/S/resourceGroups/G/providers/NS/type/name[/child/name]...},
 * subscription-level {@code /subscriptions/S/providers/...}, tenant-level {@code /providers/...},
 * and extension resources ({@code .../providers/NS2/type2/name2} after a resource).
 */
public final class ResourceId {

    private final String raw;
    private final String subscriptionId;
    private final String resourceGroup;
    private final String type;
    private final List<String> names;
    /**
     * The parent, made on first use and kept: the egress model and the rules ask a subnet's,
     * an ipConfiguration's and a pool's id for its parent again and again. Racy but safe: every
     * thread computes an equal id, whose fields are final.
     */
    private ResourceId parent;
    /** {@link #hashCode}, once computed (0: not yet). */
    private int hash;
    /**
     * {@code raw} lower-cased, made only when this id meets an equal one spelled otherwise (a
     * reference written in other casing than the resource's id), and then kept: hashing and the
     * common comparisons need no lower-cased copy of every id.
     */
    private String key;
    /**
     * Whether {@code raw} is all ASCII, learnt while hashing: 0 not yet known, then
     * {@link #ASCII} or {@link #NOT_ASCII}. Racy but safe, as {@link #hash}: every thread
     * learns the same.
     */
    private byte ascii;
    private static final byte ASCII = 1;
    private static final byte NOT_ASCII = 2;

    private ResourceId(String raw, String subscriptionId, String resourceGroup, String type, List<String> names) {
        this(raw, subscriptionId, resourceGroup, type, List.copyOf(names), null);
    }

    /** {@code names} is already an unmodifiable copy; {@code parent} is the parent's id, when known. */
    private ResourceId(String raw, String subscriptionId, String resourceGroup, String type, List<String> names,
                       ResourceId parent) {
        this.raw = raw;
        this.subscriptionId = subscriptionId;
        this.resourceGroup = resourceGroup;
        this.type = type;
        this.names = names;
        this.parent = parent;
    }

    /** Parses an id; empty when the text is not a resource id with a provider part. */
    public static Optional<ResourceId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        while (s.endsWith("/")) {
            // Trim again so the printed id parses back to itself ("/.../subnets/ /" must not keep "subnets/ ").
            s = s.substring(0, s.length() - 1).trim();
        }
        if (!s.startsWith("/")) {
            return Optional.empty();
        }
        // The segments of s.substring(1).split("/", -1), kept as offsets into s: segment k is
        // s[from[k], from[k + 1] - 1). Every reference text of a graph is parsed once, and only
        // the names and the subscription and group become strings of their own.
        int count = 1;
        for (int c = 1; c < s.length(); c++) {
            if (s.charAt(c) == '/') {
                count++;
            }
        }
        int[] from = new int[count + 1];
        from[0] = 1;
        for (int c = 1, k = 0; c < s.length(); c++) {
            if (s.charAt(c) == '/') {
                from[++k] = c + 1;
            }
        }
        from[count] = s.length() + 1;
        int i = 0;
        String sub = null;
        String group = null;
        if (i + 1 < count && is(s, from, i, "subscriptions")) {
            sub = segment(s, from, i + 1);
            i += 2;
            if (i + 1 < count && is(s, from, i, "resourceGroups")) {
                group = segment(s, from, i + 1);
                i += 2;
            }
        }
        // The last "providers" segment starts the innermost (extension) resource's namespace.
        int providers = -1;
        for (int j = count - 1; j >= i; j--) {
            int rest = count - j - 1;
            if (rest >= 3 && rest % 2 == 1 && is(s, from, j, "providers")) {
                providers = j;
                break;
            }
        }
        if (providers < 0) {
            if (i == count && sub != null) {
                String t = group != null ? "Microsoft.Resources/resourceGroups" : "Microsoft.Resources/subscriptions";
                return Optional.of(new ResourceId(s, sub, group, t, List.of(group != null ? group : sub)));
            }
            return Optional.empty();
        }
        for (int k = 0; k < count; k++) {
            if (from[k + 1] - 1 == from[k]) {
                return Optional.empty();
            }
        }
        // The type is at most what follows its namespace: a builder that never grows.
        StringBuilder fullType = new StringBuilder(s.length() - from[providers + 1])
                .append(s, from[providers + 1], from[providers + 2] - 1);
        String[] names = new String[(count - providers - 2) / 2];
        for (int j = providers + 2, n = 0; j + 1 < count; j += 2) {
            fullType.append('/').append(s, from[j], from[j + 1] - 1);
            names[n++] = segment(s, from, j + 1);
        }
        return Optional.of(new ResourceId(s, sub, group, fullType.toString(), listOf(names), null));
    }

    private static String segment(String s, int[] from, int k) {
        return s.substring(from[k], from[k + 1] - 1);
    }

    /** Whether segment {@code k} is {@code word} in any casing. */
    private static boolean is(String s, int[] from, int k, String word) {
        return from[k + 1] - 1 - from[k] == word.length() && s.regionMatches(true, from[k], word, 0, word.length());
    }

    /** Builds {@code /subscriptions/S/resourceGroups/G/providers/type/names...}. */
    public static ResourceId of(String subscriptionId, String resourceGroup, String type, List<String> names) {
        String[] typeParts = type.split("/");
        if (typeParts.length - 1 != names.size()) {
            throw new IllegalArgumentException("type " + type + " needs " + (typeParts.length - 1)
                    + " names, got " + names.size());
        }
        // Made at the id's length: a default builder grew by copies, a tenth of what evaluating templates allocated.
        int length = 11 + type.length() + names.size();
        for (int i = 0; i < names.size(); i++) {
            length += String.valueOf(names.get(i)).length();
        }
        if (subscriptionId != null) {
            length += 15 + subscriptionId.length() + (resourceGroup != null ? 16 + resourceGroup.length() : 0);
        }
        StringBuilder sb = new StringBuilder(length);
        if (subscriptionId != null) {
            sb.append("/subscriptions/").append(subscriptionId);
            if (resourceGroup != null) {
                sb.append("/resourceGroups/").append(resourceGroup);
            }
        }
        sb.append("/providers/").append(typeParts[0]);
        for (int i = 1; i < typeParts.length; i++) {
            sb.append('/').append(typeParts[i]).append('/').append(names.get(i - 1));
        }
        return new ResourceId(sb.toString(), subscriptionId, resourceGroup, type, names);
    }

    /**
     * The id of a child: {@code child("subnets", "nodes")} of a vnet. Every inline child of a
     * graph is made here, so its text is written into a builder of its exact size, its names
     * list made once, and its hash carried on from this id's (which the normaliser's index has
     * computed already) over the few characters added, instead of over the whole text again.
     */
    public ResourceId child(String childType, String childName) {
        return child(childType, childName, String.join("/", type, childType));
    }

    /**
     * {@link #child(String, String)} with the child's full type already written: {@code fullType}
     * must equal {@code type() + "/" + childType} (the normaliser hands every child of a type
     * one shared string).
     */
    ResourceId child(String childType, String childName, String fullType) {
        // One array for the text: String.join sizes it from its parts.
        String childRaw = String.join("/", raw, childType, childName);
        ResourceId child = new ResourceId(childRaw, subscriptionId, resourceGroup, fullType, namesWith(childName), this);
        int hash = continuedHash(hashCode(), childRaw, raw.length());
        if (hash != 0) {
            // Continued over ASCII only: the child is ASCII too, and its own children continue from it.
            child.ascii = ASCII;
            child.hash = hash;
        }
        return child;
    }

    /** An unmodifiable list of {@code names}: the short ones (nearly every id) without copying the array. */
    private static List<String> listOf(String[] names) {
        switch (names.length) {
            case 1:
                return List.of(names[0]);
            case 2:
                return List.of(names[0], names[1]);
            case 3:
                return List.of(names[0], names[1], names[2]);
            default:
                return List.of(names);
        }
    }

    /** {@code names} and one more, as an unmodifiable list made without an intermediate copy. */
    private List<String> namesWith(String last) {
        switch (names.size()) {
            case 1:
                return List.of(names.get(0), last);
            case 2:
                return List.of(names.get(0), names.get(1), last);
            case 3:
                return List.of(names.get(0), names.get(1), names.get(2), last);
            default:
                List<String> n = new ArrayList<>(names.size() + 1);
                n.addAll(names);
                n.add(last);
                return List.copyOf(n);
        }
    }

    /**
     * The {@link #hashCode} of {@code text}, whose first {@code from} characters are this id's
     * text and hash to {@code hash}: the ASCII lower-cased hash continued over the rest. Zero
     * (not computed, so worked out in full when asked) when either part is not ASCII: outside it
     * lower-casing depends on the neighbouring characters (a final sigma), so the lower-cased
     * whole need not be the lower-cased parts joined.
     */
    private int continuedHash(int hash, String text, int from) {
        if (!isAscii()) {
            return 0;
        }
        long h = AsciiCase.lowerHash(text, from, hash);
        return h == AsciiCase.NOT_ASCII ? 0 : (int) h;
    }

    /** The parent of a child resource (a subnet's vnet); empty for a top-level resource. */
    public Optional<ResourceId> parent() {
        if (names.size() < 2) {
            return Optional.empty();
        }
        ResourceId p = parent;
        if (p == null) {
            int cut = raw.lastIndexOf('/', raw.lastIndexOf('/') - 1);
            p = new ResourceId(raw.substring(0, cut), subscriptionId, resourceGroup,
                    type.substring(0, type.lastIndexOf('/')), names.subList(0, names.size() - 1), null);
            parent = p;
        }
        return Optional.of(p);
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public String resourceGroup() {
        return resourceGroup;
    }

    /** The full type, e.g. {@code Microsoft.Network/virtualNetworks/subnets}. */
    public String type() {
        return type;
    }

    /** The name segments, one per type segment after the namespace. */
    public List<String> names() {
        return names;
    }

    /** The last name segment: a subnet id's subnet name. */
    public String name() {
        return names.isEmpty() ? "" : names.get(names.size() - 1);
    }

    public boolean isType(String fullType) {
        return type.equalsIgnoreCase(fullType);
    }

    /** Equal when the ids lower-cased ({@link Locale#ROOT}) are, as ARM compares them. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ResourceId other)) {
            return false;
        }
        // Most ids meet an id spelled the same, and ids of one estate share their first hundred
        // characters: the plain comparison, then the kept hashes, before the lower-cased texts.
        return raw.equals(other.raw) || hashCode() == other.hashCode() && key().equals(other.key());
    }

    /** The hash of the lower-cased id, as {@code String.hashCode} computes it; without the copy for an ASCII id. */
    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            long lower = AsciiCase.lowerHash(raw, 0, 0);
            // Outside ASCII lower-casing may change the length (a dotted capital I grows): the lower-cased copy's hash.
            h = lower == AsciiCase.NOT_ASCII ? key().hashCode() : (int) lower;
            ascii = lower == AsciiCase.NOT_ASCII ? NOT_ASCII : ASCII;
            hash = h;
        }
        return h;
    }

    private boolean isAscii() {
        byte known = ascii;
        if (known == 0) {
            known = ASCII;
            for (int i = 0; i < raw.length(); i++) {
                if (raw.charAt(i) >= 0x80) {
                    known = NOT_ASCII;
                    break;
                }
            }
            ascii = known;
        }
        return known == ASCII;
    }

    private String key() {
        String k = key;
        if (k == null) {
            k = raw.toLowerCase(Locale.ROOT);
            key = k;
        }
        return k;
    }

    @Override
    public String toString() {
        return raw;
    }
}
