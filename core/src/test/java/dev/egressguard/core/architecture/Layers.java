package dev.egressguard.core.architecture;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The core's one-way architecture (docs/ARCHITECTURE.md), lowest layer first; a layer uses only
 * layers below it. The shells (cli, maven-plugin) and the Azure audit sit above the facade.
 */
final class Layers {

    static final String CORE = "dev.egressguard.core";

    private Layers() {
    }

    /** Each layer may be used only by the layers above it. */
    static ArchRule layered() {
        return Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("source").definedBy(CORE + ".source..")
                .layer("value").definedBy(CORE + ".value..")
                .layer("expression").definedBy(CORE + ".expression..")
                .layer("model").definedBy(CORE + ".model..")
                .layer("template").definedBy(CORE + ".template..")
                .layer("egress").definedBy(CORE + ".egress..")
                .layer("finding").definedBy(CORE + ".finding..")
                .layer("rule").definedBy(CORE + ".rule..")
                .layer("engine").definedBy(CORE + ".engine..")
                .layer("ruletest").definedBy(CORE + ".ruletest..")
                .layer("report").definedBy(CORE + ".report..")
                .layer("live").definedBy(CORE + ".live..")
                .layer("facade").definedBy(CORE)
                .whereLayer("facade").mayNotBeAccessedByAnyLayer()
                .whereLayer("live").mayOnlyBeAccessedByLayers("facade")
                .whereLayer("report").mayOnlyBeAccessedByLayers("live", "facade")
                .whereLayer("ruletest").mayOnlyBeAccessedByLayers("report", "live", "facade")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("ruletest", "report", "live", "facade")
                .whereLayer("rule").mayOnlyBeAccessedByLayers("engine", "ruletest", "report", "live", "facade")
                .whereLayer("finding").mayOnlyBeAccessedByLayers("rule", "engine", "ruletest", "report", "live",
                        "facade")
                .whereLayer("egress").mayOnlyBeAccessedByLayers("finding", "rule", "engine", "ruletest", "report",
                        "live", "facade")
                .whereLayer("template").mayOnlyBeAccessedByLayers("egress", "finding", "rule", "engine", "ruletest", "report",
                        "live", "facade")
                .whereLayer("model").mayOnlyBeAccessedByLayers("template", "egress", "finding", "rule", "engine", "ruletest",
                        "report", "live", "facade")
                .whereLayer("expression").mayOnlyBeAccessedByLayers("model", "template", "egress", "finding", "rule", "engine",
                        "ruletest", "report", "live", "facade")
                .whereLayer("value").mayOnlyBeAccessedByLayers("expression", "model", "template", "egress", "finding", "rule",
                        "engine", "ruletest", "report", "live", "facade")
                .whereLayer("source").mayOnlyBeAccessedByLayers("value", "expression", "model", "template", "egress", "finding",
                        "rule", "engine", "ruletest", "report", "live", "facade");
    }

    /** No two packages of the core use each other, directly or round about. */
    static ArchRule freeOfCycles() {
        return slices().matching(CORE + ".(**)").should().beFreeOfCycles();
    }

    /** Reports show findings: they never need the rules, the engine or the templates behind them. */
    static ArchRule reportsNeedOnlyFindings() {
        return noClasses().that().resideInAPackage(CORE + ".report..")
                .should().dependOnClassesThat().resideInAnyPackage(CORE + ".rule..", CORE + ".engine..",
                        CORE + ".ruletest..", CORE + ".template..", CORE + ".expression..");
    }

    /** The core is a library: the build tool and the cloud SDK are the shells' business. */
    static ArchRule noMavenNorAzure() {
        return noClasses().that().resideInAPackage(CORE + "..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..",
                        "com.azure..", "com.microsoft.azure..");
    }
}
