package dev.egressguard.core.expression.functions;

import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.expression.FunctionCall;
import dev.egressguard.core.expression.FunctionLibrary;
import dev.egressguard.core.expression.ScopeLevel;
import dev.egressguard.core.value.Value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * resourceId and its scoped siblings, resourceGroup, subscription, tenant, managementGroup,
 * reference (answered by the Scope), pickZones and providers (only a deployment knows).
 * list*() calls are answered by the evaluator: any function whose name starts with "list".
 */
final class ResourceFunctions {

    private ResourceFunctions() {
    }

    /**
     * Registers the one function {@code name} (as {@code StandardFunctions} declares it) when a template
     * first calls it: each body is a lambda, linked only when its case runs.
     */
    public static void register(FunctionLibrary.Builder b, String name) {
        switch (name) {
            case "resourceId" -> b.add(name, 2, -1, ResourceFunctions::resourceId);
            case "subscriptionResourceId" -> b.add(name, 2, -1, ResourceFunctions::subscriptionResourceId);
            case "tenantResourceId" -> b.add(name, 2, -1, c -> Value.of(providerPath(c, 0)));
            case "extensionResourceId" -> b.add(name, 3, -1,
                    c -> Value.of(trimSlash(c.string(0)) + providerPath(c, 1)));
            case "managementGroupResourceId" -> b.add(name, 2, -1, ResourceFunctions::managementGroupResourceId);
            case "resourceGroup" -> b.add(name, 0, 0, ResourceFunctions::resourceGroup);
            case "subscription" -> b.add(name, 0, 0, ResourceFunctions::subscription);
            case "tenant" -> b.add(name, 0, 0, ResourceFunctions::tenant);
            case "managementGroup" -> b.add(name, 0, 1, ResourceFunctions::managementGroup);
            case "reference" -> b.add(name, 1, 3,
                    c -> c.scope().reference(c.arg(0), c.args().subList(1, c.count()), c.at()));
            case "pickZones" -> b.add(name, 3, 5, c -> Value.unknown(
                    "pickZones() depends on the availability zones Azure offers in the region at deployment", c.at()));
            case "references" -> b.add(name, 1, 2, c -> Value.unknown(
                    "references() of a resource collection is only known at deployment", c.at()));
            case "deployer" -> b.add(name, 0, 0,
                    c -> Value.unknown("deployer() is the identity that runs the deployment", c.at()));
            case "providers" -> b.add(name, 1, 2, c -> Value.unknown(
                    "providers() reads the resource provider registry at deployment", c.at()));
        }
    }

    /** The index of the first argument that looks like a resource type (has a '/'). */
    private static int typeIndex(FunctionCall c, int from) {
        for (int i = from; i < c.count(); i++) {
            if (c.string(i).contains("/")) {
                return i;
            }
        }
        throw c.error("needs a resource type such as 'Microsoft.Network/virtualNetworks' among its arguments");
    }

    /**
     * {@code /providers/NS/type/name[/child/name]...} from the type at {@code typeAt} and the
     * names after it; a name may itself hold several '/'-separated segments.
     */
    private static String providerPath(FunctionCall c, int typeAt) {
        return appendProviderPath(new StringBuilder(), c, typeAt).toString();
    }

    /**
     * {@link #providerPath} appended to {@code sb}: built in place, since a template calls
     * resourceId() for nearly every resource and every reference between them.
     */
    private static StringBuilder appendProviderPath(StringBuilder sb, FunctionCall c, int typeAt) {
        String type = c.string(typeAt);
        String t = typeWithoutSlashes(type);
        int typeSegments = segments(t);
        int nameSegments = 0;
        for (int i = typeAt + 1; i < c.count(); i++) {
            nameSegments += segments(c.string(i));
        }
        if (typeSegments < 2 || nameSegments != typeSegments - 1) {
            throw c.error("got " + nameSegments + " name segment(s) for the type '" + type + "', which needs "
                    + Math.max(1, typeSegments - 1));
        }
        int typeStart = t.indexOf('/');
        sb.append("/providers/").append(t, 0, typeStart);
        int arg = typeAt + 1;
        String name = c.string(arg);
        int nameStart = 0;
        while (typeStart < t.length()) {
            int typeEnd = t.indexOf('/', typeStart + 1);
            typeEnd = typeEnd < 0 ? t.length() : typeEnd;
            sb.append('/').append(t, typeStart + 1, typeEnd).append('/');
            while (nameStart > name.length()) {
                name = c.string(++arg);
                nameStart = 0;
            }
            int nameEnd = name.indexOf('/', nameStart);
            nameEnd = nameEnd < 0 ? name.length() : nameEnd;
            sb.append(name, nameStart, nameEnd);
            nameStart = nameEnd + 1;
            typeStart = typeEnd;
        }
        return sb;
    }

    /** How many '/'-separated segments {@code s} has, empty ones included. */
    private static int segments(String s) {
        int n = 1;
        for (int i = s.indexOf('/'); i >= 0; i = s.indexOf('/', i + 1)) {
            n++;
        }
        return n;
    }

    private static Value resourceId(FunctionCall c) {
        int t = typeIndex(c, 0);
        DeploymentContext ctx = c.scope().context();
        String subscription = ctx.subscriptionId();
        String group = ctx.resourceGroup();
        if (t == 0) {
            ScopeLevel level = c.scope().level();
            if (level == ScopeLevel.SUBSCRIPTION) {
                return Value.of(appendProviderPath(new StringBuilder("/subscriptions/").append(subscription), c, t)
                        .toString());
            }
            if (level != ScopeLevel.RESOURCE_GROUP) {
                return Value.of(providerPath(c, t));
            }
        }
        if (t == 1) {
            group = c.string(0);
        } else if (t == 2) {
            subscription = c.string(0);
            group = c.string(1);
        } else if (t > 2) {
            throw c.error("expects at most a subscription id and a resource group name before the resource type");
        }
        StringBuilder id = new StringBuilder(idLength(subscription, group, c, t)).append("/subscriptions/").append(subscription)
                .append("/resourceGroups/").append(group);
        return Value.of(appendProviderPath(id, c, t).toString());
    }

    /**
     * About the length of the id resourceId() builds (the fixed words, the names and the type's
     * segments, each once): its builder is made once at that size instead of growing by copies.
     */
    private static int idLength(String subscription, String group, FunctionCall c, int typeAt) {
        int length = 48 + String.valueOf(subscription).length() + String.valueOf(group).length();
        for (int i = typeAt; i < c.count() && length < 4096; i++) {
            length += c.arg(i) instanceof Value.Str s ? s.value().length() + 2 : 16;
        }
        return Math.min(length, 4096);
    }

    private static Value subscriptionResourceId(FunctionCall c) {
        int t = typeIndex(c, 0);
        if (t > 1) {
            throw c.error("expects at most a subscription id before the resource type");
        }
        String subscription = t == 1 ? c.string(0) : c.scope().context().subscriptionId();
        return Value.of("/subscriptions/" + subscription + providerPath(c, t));
    }

    private static Value managementGroupResourceId(FunctionCall c) {
        int t = typeIndex(c, 0);
        if (t > 1) {
            throw c.error("expects at most a management group name before the resource type");
        }
        String group = t == 1 ? c.string(0) : c.scope().context().managementGroup();
        return Value.of("/providers/Microsoft.Management/managementGroups/" + group + providerPath(c, t));
    }

    /** Without leading and trailing '/'; an extension's base id keeps its leading one. */
    private static String trimSlash(String s) {
        final int from = 0;
        int to = s.length();
        while (to > 0 && s.charAt(to - 1) == '/') {
            to--;
        }
        return s.substring(from, Math.max(from, to));
    }

    private static String typeWithoutSlashes(String type) {
        String t = trimSlash(type);
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        return t;
    }

    /** Azure rejects resourceGroup() above resource group level and subscription() above subscription level. */
    private static void requireLevel(FunctionCall c, ScopeLevel... allowed) {
        ScopeLevel level = c.scope().level();
        for (ScopeLevel a : allowed) {
            if (a == level) {
                return;
            }
        }
        throw c.error("is not expected in a template deployed at " + level.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ') + " level");
    }

    private static Value resourceGroup(FunctionCall c) {
        requireLevel(c, ScopeLevel.RESOURCE_GROUP);
        DeploymentContext ctx = c.scope().context();
        Map<String, Value> f = new LinkedHashMap<>();
        f.put("id", Value.of("/subscriptions/" + ctx.subscriptionId() + "/resourceGroups/" + ctx.resourceGroup()));
        f.put("name", Value.of(ctx.resourceGroup()));
        f.put("type", Value.of("Microsoft.Resources/resourceGroups"));
        f.put("location", Value.of(ctx.location()));
        f.put("managedBy", Value.unknown("resourceGroup().managedBy is only known at deployment", c.at()));
        f.put("tags", Value.unknown("resourceGroup().tags is only known at deployment", c.at()));
        f.put("properties", new Value.Obj(Map.of("provisioningState", Value.of("Succeeded"))));
        return new Value.Obj(f);
    }

    private static Value subscription(FunctionCall c) {
        requireLevel(c, ScopeLevel.RESOURCE_GROUP, ScopeLevel.SUBSCRIPTION);
        DeploymentContext ctx = c.scope().context();
        Map<String, Value> f = new LinkedHashMap<>();
        f.put("id", Value.of("/subscriptions/" + ctx.subscriptionId()));
        f.put("subscriptionId", Value.of(ctx.subscriptionId()));
        f.put("tenantId", Value.of(ctx.tenantId()));
        f.put("displayName", Value.unknown("subscription().displayName is only known at deployment", c.at()));
        return new Value.Obj(f);
    }

    private static Value tenant(FunctionCall c) {
        DeploymentContext ctx = c.scope().context();
        Map<String, Value> f = new LinkedHashMap<>();
        f.put("countryCode", Value.unknown("tenant().countryCode is only known at deployment", c.at()));
        f.put("displayName", Value.unknown("tenant().displayName is only known at deployment", c.at()));
        f.put("id", Value.of("/tenants/" + ctx.tenantId()));
        f.put("tenantId", Value.of(ctx.tenantId()));
        return new Value.Obj(f);
    }

    private static Value managementGroup(FunctionCall c) {
        String name = c.count() == 1 ? c.string(0) : c.scope().context().managementGroup();
        Map<String, Value> f = new LinkedHashMap<>();
        f.put("id", Value.of("/providers/Microsoft.Management/managementGroups/" + name));
        f.put("name", Value.of(name));
        f.put("type", Value.of("Microsoft.Management/managementGroups"));
        f.put("properties", Value.unknown("managementGroup().properties is only known at deployment", c.at()));
        return new Value.Obj(f);
    }
}
