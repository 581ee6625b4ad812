package dev.egressguard.core.report.map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker itself: it passes the subset and catches what would break a diagram. */
class MermaidSubsetTest {

    private static final String GOOD = """
            flowchart LR
              subgraph g1 ["vnet #quot;prod#quot; #35;1"]
                n1["agent-a (x)"]
              end
              e1["NAT gateway nat"]
              n1 -->|"natGateway"| e1
              n1 --> e1""";

    @Test
    void aDiagramOfTheSubsetPasses() {
        assertThat(MermaidSubset.problems(GOOD.replace("(x)", "#40;x#41;"))).isEmpty();
    }

    @Test
    void whatWouldBreakADiagramIsCaught() {
        assertThat(MermaidSubset.problems(GOOD)).as("raw parentheses").isNotEmpty();
        assertThat(MermaidSubset.problems("graph LR\n  a[\"x\"]")).anyMatch(p -> p.startsWith("line 1"));
        assertThat(MermaidSubset.problems("flowchart LR\n  a[\"say \"hi\"\"]")).isNotEmpty();
        assertThat(MermaidSubset.problems("flowchart LR\n  a[\"<b>x</b>\"]")).isNotEmpty();
        assertThat(MermaidSubset.problems("flowchart LR\n  a[\"x | y\"]")).isNotEmpty();
        assertThat(MermaidSubset.problems("flowchart LR\n  a[\"`md`\"]")).isNotEmpty();
        assertThat(MermaidSubset.problems("flowchart LR\n  a[\"x\"] --> b")).isNotEmpty();
        assertThat(MermaidSubset.problems("flowchart LR\n  %% comment")).isNotEmpty();
        assertThat(MermaidSubset.problems("flowchart LR\n  subgraph g [\"x\"]")).containsExactly("1 subgraph(s) without 'end'");
        assertThat(MermaidSubset.problems("flowchart LR\n  end")).containsExactly("line 2: 'end' without a subgraph");
        assertThat(MermaidSubset.problems("flowchart LR\n  a[\"x\"]\n  a --> b"))
                .containsExactly("line 3: edge to 'b', which is not declared");
        assertThat(MermaidSubset.problems("flowchart LR\n  end[\"x\"]")).isNotEmpty();
        assertThat(MermaidSubset.problems("flowchart LR\n  a[\"x\"]\n  a[\"y\"]")).containsExactly("line 3: 'a' is declared twice");
        assertThat(MermaidSubset.problems("flowchart LR\n  a[\"x\u202ey\"]")).isNotEmpty();
        assertThat(MermaidSubset.problems("flowchart LR\n  a[\"x#y\"]")).isNotEmpty();
    }

    @Test
    void blocksAreFoundInMarkdown() {
        assertThat(MermaidSubset.blocks("x\n```mermaid\nflowchart LR\n```\ny\n```mermaid\nflowchart TD\n```\n"))
                .containsExactly("flowchart LR", "flowchart TD");
    }
}
