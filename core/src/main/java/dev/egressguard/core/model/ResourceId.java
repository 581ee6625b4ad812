package dev.egressguard.core.model;

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
        StringBuilder fullType = new StringBuilder().append(s, from[providers + 1], from[providers + 2] - 1);
        List<String> names = new ArrayList<>((count - providers) / 2);
        for (int j = providers + 2; j + 1 < count; j += 2) {
            fullType.append('/').append(s, from[j], from[j + 1] - 1);
            names.add(segment(s, from, j + 1));
        }
        return Optional.of(new ResourceId(s, sub, group, fullType.toString(), names));
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

    /** The id of a child: {@code child("subnets", "nodes")} of a vnet. */
    public ResourceId child(String childType, String childName) {
        List<String> n = new ArrayList<>(names.size() + 1);
        n.addAll(names);
        n.add(childName);
        return new ResourceId(raw + "/" + childType + "/" + childName, subscriptionId, resourceGroup,
                type + "/" + childType, List.copyOf(n), this);
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
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c >= 0x80) {
                    // Outside ASCII lower-casing may change the length (a dotted capital I grows).
                    h = key().hashCode();
                    break;
                }
                h = 31 * h + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            }
            hash = h;
        }
        return h;
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
