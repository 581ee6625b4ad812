package dev.egressguard.core.model;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class TypeCacheTest {

    @Test
    void derivesOncePerSpellingAndStopsCachingAtItsBound() {
        AtomicInteger derived = new AtomicInteger();
        TypeCache<String> cache = new TypeCache<>(t -> {
            derived.incrementAndGet();
            return t.toLowerCase();
        });

        assertThat(cache.get("Microsoft.Network/natGateways")).isEqualTo("microsoft.network/natgateways");
        assertThat(cache.get("Microsoft.Network/natGateways")).isEqualTo("microsoft.network/natgateways");
        assertThat(derived).hasValue(1);
        assertThat(cache.get("microsoft.network/natgateways")).isEqualTo("microsoft.network/natgateways");
        assertThat(derived).hasValue(2);

        for (int i = 0; i < TypeCache.MAX_TYPES * 2; i++) {
            assertThat(cache.get("Made.Up/type" + i)).isEqualTo("made.up/type" + i);
        }
        assertThat(cache.size()).isEqualTo(TypeCache.MAX_TYPES);
        assertThat(cache.get("Made.Up/TYPE" + (TypeCache.MAX_TYPES * 2 - 1))).isEqualTo("made.up/type" + (TypeCache.MAX_TYPES * 2 - 1));
    }
}
