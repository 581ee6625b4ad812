package dev.egressguard.core.egress;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.finding.Evaluation;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.model.Normalizer;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.model.ResourceTypes;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.template.TemplateEvaluator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fixture estates, one per egress path and per pair of paths where one takes precedence over the
 * other (Azure's order, {@link EgressPath}): each folder under {@code src/test/resources/egress-estates/}
 * holds a small {@code template.json} and its {@code expected-map.yaml} (format: {@link ExpectedMap}).
 * The run's egress map must be exactly the expected one (every node, nothing more), and the built-in
 * rules, which read the same model, must agree with it: EG003 fails exactly the nodes whose path is
 * a load balancer (for AKS, the cluster of such pools), EG002 passes a node subnet exactly when its
 * path is a NAT gateway with public IPs (or a firewall, with {@code allowFirewallEgress}), and EG004
 * names default outbound access exactly on the subnets of nodes that take it.
 */
class EgressEstatesTest {

    private static final String PACK = "rules/src/main/resources/egress-guard/rules/egress.yaml";

    static Path estatesDir() {
        try {
            return Path.of(EgressEstatesTest.class.getResource("/egress-estates").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> estates() throws IOException {
        try (Stream<Path> dirs = Files.list(estatesDir())) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("estates")
    void theMapIsExactlyTheExpectedOne(String estate) {
        Path dir = estatesDir().resolve(estate);
        ExpectedMap expected = ExpectedMap.load(dir.resolve("expected-map.yaml"));

        Report report = run(dir, Map.of(), false);

        assertThat(report.diagnostics()).filteredOn(d -> d.level() == Diagnostic.Level.ERROR).isEmpty();
        compare("node", ExpectedMap.byName(expected.nodes(), "node"),
                ExpectedMap.byName(report.egressMap().nodes().stream().map(ExpectedMap::of).toList(), "node"));
        compare("subnet", ExpectedMap.byName(expected.subnets(), "subnet"),
                ExpectedMap.byName(nodeSubnets(dir).entrySet().stream()
                        .map(e -> ExpectedMap.ofSubnet(e.getKey().toString(), e.getValue())).toList(), "subnet"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("estates")
    void theBuiltInRulesAgreeWithTheMap(String estate) {
        Path dir = estatesDir().resolve(estate);
        Map<ResourceId, EgressView> subnets = nodeSubnets(dir);
        for (boolean allowFirewall : List.of(false, true)) {
            Report report = run(dir, allowFirewall ? Map.of("allowFirewallEgress", "true") : Map.of(), true);
            Map<String, Outcome> outcomes = new HashMap<>();
            for (Evaluation e : report.evaluations()) {
                outcomes.put(e.ruleId() + " " + key(e.resourceId()), e.outcome());
            }
            List<EgressNode> nodes = report.egressMap().nodes();
            String as = estate + (allowFirewall ? " with allowFirewallEgress" : "");

            // EG003: the nodes whose path is a load balancer; an AKS cluster for its pools.
            Map<String, Outcome> eg003 = new LinkedHashMap<>();
            for (EgressNode n : nodes) {
                Outcome o = n.egress().path() == EgressPath.LOAD_BALANCER ? Outcome.FAIL
                        : n.egress().possible().contains(EgressPath.LOAD_BALANCER) ? Outcome.UNKNOWN : Outcome.PASS;
                String subject = n.kind() == NodeKind.AKS_NODE_POOL ? cluster(n) : key(n.id());
                eg003.merge(subject, o, EgressEstatesTest::worse);
            }
            eg003.forEach((subject, o) -> assertThat(outcomes.get("EG003 " + subject)).as(as + ": EG003 on " + subject)
                    .isEqualTo(o));
            assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("EG003")).as(as + ": EG003 only on nodes")
                    .allMatch(f -> eg003.containsKey(key(f.resourceId())));

            // EG002: a node subnet passes exactly on a NAT gateway with public IPs (or a firewall, when allowed).
            subnets.forEach((id, v) -> {
                Egress e = v.egress();
                Outcome o = switch (e.path()) {
                    case NAT_GATEWAY -> e.publicIpsUnknown() != null && e.publicIps().isEmpty() ? Outcome.UNKNOWN
                            : e.publicIps().isEmpty() ? Outcome.FAIL : Outcome.PASS;
                    case FIREWALL -> allowFirewall ? Outcome.PASS : Outcome.FAIL;
                    case UNKNOWN -> Outcome.UNKNOWN;
                    default -> Outcome.FAIL;
                };
                assertThat(outcomes.get("EG002 " + key(id.toString()))).as(as + ": EG002 on " + id + " (" + e.path() + ")")
                        .isEqualTo(o);
            });
            // A node whose subnet is not in the graph: EG002 reads the node's own path.
            for (EgressNode n : nodes) {
                Outcome o = outcomes.get("EG002 " + key(n.id()));
                if (o != null) {
                    assertThat(o).as(as + ": EG002 on node " + n.name()).isEqualTo(
                            n.egress().path() == EgressPath.NAT_GATEWAY ? Outcome.PASS
                                    : n.egress().possible().contains(EgressPath.NAT_GATEWAY) ? Outcome.UNKNOWN : Outcome.FAIL);
                }
            }

            // EG004: default outbound access named exactly on the subnets of nodes that take it.
            for (ResourceId subnet : subnets.keySet()) {
                boolean usedByANode = nodes.stream().anyMatch(n -> n.subnet() != null && key(n.subnet()).equals(key(subnet.toString()))
                        && n.egress().path() == EgressPath.DEFAULT_OUTBOUND);
                Optional<Finding> f = report.findings().stream()
                        .filter(x -> x.ruleId().equals("EG004") && key(x.resourceId()).equals(key(subnet.toString()))).findFirst();
                assertThat(f.filter(x -> x.outcome() == Outcome.FAIL)
                        .filter(x -> x.message().contains("on Azure's default outbound access")).isPresent())
                        .as(as + ": EG004 names default outbound access on " + subnet + ": " + f.map(Finding::message).orElse("no finding"))
                        .isEqualTo(usedByANode);
            }
        }
    }

    @Test
    void theEstatesShowEveryPathEveryKindOfNodeAndEveryBypass() throws IOException {
        Set<EgressPath> paths = EnumSet.noneOf(EgressPath.class);
        Set<NodeKind> kinds = EnumSet.noneOf(NodeKind.class);
        Set<String> pairs = new java.util.TreeSet<>();
        for (String estate : estates().toList()) {
            for (ExpectedMap.Line l : ExpectedMap.load(estatesDir().resolve(estate).resolve("expected-map.yaml")).nodes()) {
                paths.add(EgressPath.ofJsonName(l.path()).orElseThrow());
                kinds.add(java.util.Arrays.stream(NodeKind.values()).filter(k -> k.jsonName().equals(l.kind())).findFirst().orElseThrow());
                l.bypassed().forEach(b -> pairs.add(l.path() + ">" + b.split(" ")[0]));
            }
        }
        assertThat(paths).containsExactlyInAnyOrder(EgressPath.values());
        assertThat(kinds).containsExactlyInAnyOrder(NodeKind.values());
        assertThat(pairs).contains("firewall>natGateway", "firewall>loadBalancer", "none>natGateway",
                "natGateway>instancePublicIp", "natGateway>loadBalancer", "instancePublicIp>loadBalancer",
                "loadBalancer>natGateway");
        assertThat(estates()).hasSize(36);
    }

    /** The run the way the Maven plugin and the CLI make it; with the built-in pack (from this checkout) when asked. */
    private static Report run(Path dir, Map<String, String> options, boolean rules) {
        EgressGuard.Builder b = EgressGuard.builder().projectRoot(dir).builtInRules(false);
        if (rules) {
            b.ruleSources(List.of(pack()));
        }
        options.forEach(b::option);
        return b.build().verify(List.of(dir.resolve("template.json")));
    }

    /** Every subnet of the graph that hosts a node of the map, with its own view. */
    private static Map<ResourceId, EgressView> nodeSubnets(Path dir) {
        EgressGuard guard = EgressGuard.builder().projectRoot(dir).builtInRules(false).build();
        List<Resource> resources = Normalizer.normalize(TemplateEvaluator.evaluate(dir.resolve("template.json"),
                Optional.empty(), guard.settings().context(), dir).resources());
        ResourceGraph graph = ResourceGraph.of(resources);
        EgressModel model = EgressModel.of(graph);
        Map<ResourceId, EgressView> subnets = new LinkedHashMap<>();
        for (EgressNode n : model.nodes()) {
            if (n.subnet() == null) {
                continue;
            }
            graph.idOf(n.subnet()).flatMap(graph::find).filter(r -> r.isType(ResourceTypes.SUBNET))
                    .ifPresent(s -> subnets.put(s.id(), model.viewOf(s).orElseThrow()));
        }
        return subnets;
    }

    private static Path pack() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(PACK))) {
                return p.resolve(PACK);
            }
        }
        Assumptions.abort("no rules module above " + here);
        return null;
    }

    private static void compare(String what, Map<String, ExpectedMap.Line> expected, Map<String, ExpectedMap.Line> actual) {
        List<String> want = new ArrayList<>(expected.values().stream().map(ExpectedMap.Line::render).sorted().toList());
        List<String> got = new ArrayList<>(actual.values().stream().map(ExpectedMap.Line::render).sorted().toList());
        assertThat(String.join("\n", got)).as(what + "s").isEqualTo(String.join("\n", want));
        expected.forEach((name, line) -> {
            if (line.reason() != null) {
                assertThat(actual.get(name).reason()).as("reason of " + what + " " + line.name()).contains(line.reason());
            }
        });
    }

    private static String cluster(EgressNode n) {
        return key(ResourceId.parse(n.id()).flatMap(ResourceId::parent).map(Object::toString).orElse(n.id()));
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    private static Outcome worse(Outcome a, Outcome b) {
        return a == Outcome.FAIL || b == Outcome.FAIL ? Outcome.FAIL
                : a == Outcome.UNKNOWN || b == Outcome.UNKNOWN ? Outcome.UNKNOWN : Outcome.PASS;
    }
}
