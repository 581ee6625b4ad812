/**
 * The resource model both sources produce: {@code Resource}, {@code ResourceId}, the {@code ResourceGraph}, resource words (how a type reads in a sentence), provenance and the normaliser that turns inline children into resources.
 *
 * <p>May use: {@code value}, {@code source}. It sits below {@code template} because the template layer builds resources. Checked by {@code ArchitectureTest}.
 */
package dev.egressguard.core.model;
