package dev.egressguard.core.rule.condition;

import dev.egressguard.core.egress.EgressModel;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.rule.Resources;
import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FieldPath#testOne} walks a path without making its hit: for every kind of place a path
 * can end at (found as spelled or otherwise, missing, an Unknown at the end or on the way, an open
 * object's undeclared key, an index out of range, the resource's own fields, the egress view), it
 * must give the truth the operator gives on {@link FieldPath#resolveOne}'s hit.
 */
class FieldPathTestOneTest {

    private static final String BODY = """
            {'properties': {'Subnet': {'id': '/x'}, 'list': [1, {'a': 'b'}],
              'unknown': '<unknown:reference(x)>',
              'open': {'declared': 1, '<open>': 'runtime state'},
              'nothing': null},
             'sku': {'name': 'Standard'}}
            """;

    private static final List<String> PATHS = List.of("properties.subnet.id", "properties.Subnet.id",
            "PROPERTIES.SUBNET.ID", "properties.missing", "properties.missing.deeper", "properties.unknown",
            "properties.unknown.id", "properties.open.declared", "properties.open.undeclared",
            "properties.open.undeclared.deeper", "properties.list[1].a", "properties.list[7]", "properties.list[0].a",
            "properties.nothing", "properties.nothing.id", "sku.name", "type", "name", "id", "apiVersion",
            "egress.path", "egress.reason", "egress.natGateway", "egress.missing", "EGRESS.Path");

    private static final List<Operator> OPERATORS = List.of(
            new Operator("exists", Operator.Kind.EXISTS, false, Value.of(true), null),
            new Operator("exists", Operator.Kind.EXISTS, true, Value.of(false), null),
            new Operator("equals", Operator.Kind.EQUALS, false, Value.of("/x"), null),
            new Operator("notEquals", Operator.Kind.EQUALS, true, Value.Null.INSTANCE, null),
            new Operator("in", Operator.Kind.IN, false, Value.Arr.of(Value.of("natGateway"), Value.of("b")), null),
            new Operator("notContains", Operator.Kind.CONTAINS, true, Value.of("(egressViaHub)"), null));

    @Test
    void theTruthIsTheOneOfTheHitOnEveryKindOfPlace() {
        Resource subnet = Resources.resource("Microsoft.Network/virtualNetworks/vnet/subnets/nodes", BODY);
        Resource other = Resources.resource("Microsoft.Network/natGateways/nat", BODY);
        ResourceGraph graph = ResourceGraph.of(List.of(subnet, other));
        assertThat(EgressModel.of(graph).view(subnet)).isNotNull();
        assertThat(EgressModel.of(graph).view(other)).isNull();
        List<EvalContext> places = new ArrayList<>();
        for (Resource r : List.of(subnet, other)) {
            EvalContext atResource = EvalContext.of(r, graph, Map.of());
            places.add(atResource);
            places.add(atResource.element(r.body().get("properties"), "/properties"));
        }
        int compared = 0;
        for (EvalContext ctx : places) {
            for (String text : PATHS) {
                FieldPath path = FieldPath.parse(text);
                FieldPath.Hit hit = path.resolveOne(ctx, false);
                for (Operator op : OPERATORS) {
                    assertThat(path.testOne(ctx, op))
                            .as("%s %s on %s at '%s'", text, op.describe(), ctx.resource().name(), ctx.base())
                            .isEqualTo(op.test(hit.value(), hit.complete()));
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(4 * PATHS.size() * OPERATORS.size());
    }

    @Test
    void aPathThatMayReachManyPlacesIsRefused() {
        Resource r = Resources.resource("Microsoft.Network/natGateways/nat", BODY);
        EvalContext ctx = EvalContext.of(r, ResourceGraph.of(List.of(r)), Map.of());
        Operator exists = new Operator("exists", Operator.Kind.EXISTS, false, Value.of(true), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FieldPath.parse("properties.list[*]").testOne(ctx, exists))
                .isInstanceOf(IllegalStateException.class);
    }
}
