package dev.egressguard.core.egress;

import dev.egressguard.core.model.ResourceId;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the run tells the egress model that no template can show. Today one fact: which virtual
 * networks send their internet traffic to a hub firewall through routes the template does not
 * hold (Virtual WAN routing intent, a default route advertised over BGP by a hub's gateway or
 * route server), the rule setting {@value #EGRESS_VIA_HUB}: {@code true} for every vnet, or a
 * comma-separated list of vnet names or ids.
 *
 * <p>A record, so the model of a graph is computed once per distinct options
 * ({@link EgressModel#of(dev.egressguard.core.model.ResourceGraph, EgressOptions)}).
 *
 * @param allVnets   {@code egressViaHub=true}: every vnet
 * @param vnets      the vnet names and ids named, lower case
 */
public record EgressOptions(boolean allVnets, Set<String> vnets) {

    /** The rule setting's name. */
    public static final String EGRESS_VIA_HUB = "egressViaHub";

    /** The reason a path declared by this setting carries, in every sentence that says so. */
    public static final String DECLARED = "declared by configuration (" + EGRESS_VIA_HUB + ")";

    /** Nothing declared: the model is the templates' alone. */
    public static final EgressOptions NONE = new EgressOptions(false, Set.of());

    public EgressOptions {
        vnets = Set.copyOf(vnets);
    }

    // Written out, as the record's own would be: every verify hashes the options (the model is
    // cached by them), and the generated methods link through ObjectMethods.bootstrap, spinning
    // method-handle classes no class-data sharing archive of Java 17 keeps (see Value.Bool).
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof EgressOptions other && other.allVnets == allVnets && vnets.equals(other.vnets);
    }

    @Override
    public int hashCode() {
        return 31 * Boolean.hashCode(allVnets) + vnets.hashCode();
    }

    /**
     * The options in a run's settings (names case-insensitive, as {@code setting:} reads them):
     * {@code egressViaHub} is {@code true}/{@code false} or a list of vnet names or ids.
     */
    public static EgressOptions fromSettings(Map<String, String> settings) {
        if (settings == null || settings.isEmpty()) {
            return NONE;
        }
        String value = null;
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(EGRESS_VIA_HUB)) {
                value = e.getValue();
            }
        }
        return parse(value);
    }

    /** {@code true}, {@code false}, empty, or a comma-separated list of vnet names or ids. */
    public static EgressOptions parse(String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("false")) {
            return NONE;
        }
        if (value.trim().equalsIgnoreCase("true")) {
            return new EgressOptions(true, Set.of());
        }
        Set<String> names = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        return names.isEmpty() ? NONE : new EgressOptions(false, names);
    }

    /** Whether the vnet {@code vnet} is declared to leave through its hub. */
    public boolean viaHub(ResourceId vnet) {
        if (allVnets) {
            return true;
        }
        if (vnets.isEmpty() || vnet == null) {
            return false;
        }
        if (vnets.contains(vnet.name().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return vnets.stream().filter(v -> v.startsWith("/"))
                .anyMatch(v -> ResourceId.parse(v).filter(vnet::equals).isPresent());
    }

    /** Whether anything is declared. */
    public boolean isEmpty() {
        return !allVnets && vnets.isEmpty();
    }
}
