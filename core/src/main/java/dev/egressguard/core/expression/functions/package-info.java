/**
 * The ARM template function families (array, string, date, CIDR, resource, lambda, ...), each registering into a {@code FunctionLibrary.Builder}.
 *
 * <p>May use: {@code expression}, {@code value}, {@code source}. Checked by {@code ArchitectureTest}.
 */
package dev.egressguard.core.expression.functions;
