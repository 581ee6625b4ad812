/**
 * ARM templates evaluated as Azure would before deploying them, into {@link dev.egressguard.core.model.Resource}s.
 *
 * <p>Entry points: {@link dev.egressguard.core.template.TemplateFinder} (which files are templates,
 * and their parameter files) and {@link dev.egressguard.core.template.TemplateEvaluator} (one
 * template to an {@link dev.egressguard.core.template.EvaluatedTemplate}). Neither throws for bad
 * input; every problem is a {@link dev.egressguard.core.source.Diagnostic} at {@code file:line:col}.
 *
 * <p>How it works, in one direction:
 * <ol>
 *   <li>{@link dev.egressguard.core.template.ArmJsonLoader} reads lenient ARM JSON into
 *       {@link dev.egressguard.core.value.Value}s and a {@link dev.egressguard.core.template.SourceMap}
 *       (JSON pointer to line and column).</li>
 *   <li>A {@code TemplateRun} per deployment (the template, and each nested deployment) holds its
 *       parameters, variables and user functions ({@code Symbols}), evaluated lazily.</li>
 *   <li>{@code ResourceExpander} turns declarations into instances (copy loops, conditions,
 *       child resources, ids) before any body is evaluated, so {@code reference()} can find any
 *       resource of the template while bodies evaluate.</li>
 *   <li>{@code BodyEvaluator} evaluates each body on first need; {@code Origins} remembers which
 *       written JSON each part came from, for the {@link dev.egressguard.core.model.PropertyLocator}.</li>
 *   <li>{@code NestedDeployments} evaluates a deployment's inline or linked template
 *       ({@code LinkedTemplateLoader}) as a run of its own (inner scope) or sharing the parent's
 *       symbols (outer scope).</li>
 * </ol>
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>A resource whose {@code condition} is unknown before deployment is kept, and its body
 *       carries {@code "condition": <Unknown>}; a false condition removes it. Rules see the
 *       resource; reports can tell it may not be deployed.</li>
 *   <li>A top-level parameter without value and default is one unknown value with a
 *       {@link dev.egressguard.core.value.Symbol} ({@code parameters('clusterName')}); names and
 *       ids built from it keep it ({@code [parameters('clusterName')]-vnet}), so a resource named
 *       from it and an id built from it are the same text and match, as they will in Azure. Its
 *       body's {@code name} is the symbolic Unknown, so rules comparing the name say UNKNOWN. A
 *       name unknown for another reason ({@code reference()}) is kept under a placeholder name
 *       ({@code unknown-name-N}).</li>
 *   <li>{@code reference()} of a resource of the same template returns its runtime state
 *       ({@code RuntimeState}): the declared, evaluated properties plus the ids ARM gives inline
 *       children, in objects that are open, so whatever Azure sets at deployment reads as Unknown
 *       with the reason, never as absent. Existing (languageVersion 2.0) and outside resources
 *       are Unknown.</li>
 *   <li>A parameter given null gets its default, as Azure does (Bicep passes null for every
 *       optional module parameter left out); a nullable one, or one of a nullable user-defined
 *       type, is null. When the deployer gives a nullable parameter without default no value, an
 *       expression that fails only because it is null is a warning naming the parameter, not an
 *       error: the template is valid, and only the deployment knows the value.</li>
 *   <li>A deployment whose {@code properties.template} is an expression ({@code [variables('$fxv#0')]})
 *       deploys the evaluated value, with the parameters given, located where the variable is written.</li>
 *   <li>A property that the template declares as null, read through {@code reference()}, is Unknown
 *       where it fails: Azure returns what the resource provider holds.</li>
 *   <li>A template linked by URI is never fetched. {@code deployment().properties.templateLink.uri}
 *       of a template checked from disk is a marker URI for its own file, so links built the
 *       {@code _artifactsLocation} way lead back to project files; a URI under a prefix the user
 *       mapped is read from the mapped directory ({@code TemplateLinks}). Any other URI: the
 *       deployment stays, with {@code properties.template} = Unknown, and a warning.</li>
 *   <li>A template another checked template links is checked through it only
 *       ({@link dev.egressguard.core.template.LinkedInputs}).</li>
 *   <li>Values of secure parameters are masked as {@code <secure>} in every message.</li>
 *   <li>A template file that expands to more than {@code ExpansionBudget.MAX_RESOURCES} (50,000)
 *       resources, its nested deployments included, is not checked at all: an error says so, and
 *       the other files go on. Azure's per-deployment limits alone would allow 640,000 from 1 KB.</li>
 * </ul>
 *
 * <p>May use: {@code model}, {@code expression}, {@code value}, {@code source}. Checked by {@code ArchitectureTest}.
 */
package dev.egressguard.core.template;
