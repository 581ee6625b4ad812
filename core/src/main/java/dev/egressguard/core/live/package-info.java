/**
 * The live-audit SPI: {@code LiveSource} (implemented by the azure module, found by ServiceLoader), {@code LiveRequest}, {@code LiveInventory}. Plain Java, no SDK type. It sits just below the facade, which (with the shells) is its only user.
 *
 * <p>May use: every layer below the facade; in practice {@code model} and {@code source}. Checked by {@code ArchitectureTest}.
 */
package dev.egressguard.core.live;
