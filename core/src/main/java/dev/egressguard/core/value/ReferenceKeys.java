package dev.egressguard.core.value;

/**
 * Which property names hold references to other resources, as ARM writes them: {@code id} in any
 * casing ({@code subnet.id}, {@code "PublicIpAddress": {"Id": ...}}), or a camel-case name ending
 * in {@code Id} or {@code ID} ({@code vnetSubnetID} of an AKS pool, {@code subnetId}), where the
 * reference is a plain string. The resource graph looks for references under these keys; an
 * object records when it is built whether it holds any ({@link Value.Obj#mayHoldReferences}).
 */
public final class ReferenceKeys {

    private ReferenceKeys() {
    }

    /** Whether a property of this name holds a reference when its value is a resource id. */
    public static boolean isReferenceKey(String key) {
        return key.equalsIgnoreCase("id")
                || key.length() > 2 && (key.endsWith("Id") || key.endsWith("ID"))
                && Character.isLowerCase(key.charAt(key.length() - 3));
    }
}
