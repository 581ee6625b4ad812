package dev.egressguard.azure;

import com.azure.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAndQuotaHeadersTest {

    @Test
    void readsRetryAfterAsSecondsOrAsAnHttpDate() {
        assertThat(ArmRetryPolicy.retryAfter("17")).isEqualTo(Duration.ofSeconds(17));
        assertThat(ArmRetryPolicy.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(ArmRetryPolicy.retryAfter("soon")).isNull();
        assertThat(ArmRetryPolicy.retryAfter(null)).isNull();
    }

    @Test
    void readsResourceGraphQuotaHeaders() {
        assertThat(QuotaHeaders.duration("00:00:05")).isEqualTo(Duration.ofSeconds(5));
        assertThat(QuotaHeaders.duration("00:01:02.5")).isEqualTo(Duration.ofMillis(62_500));
        assertThat(QuotaHeaders.duration("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(QuotaHeaders.duration("later")).isNull();
        assertThat(QuotaHeaders.remaining("0")).isZero();
        assertThat(QuotaHeaders.remaining(null)).isEqualTo(-1);
    }

    @Test
    void masksEveryQueryValueButTheApiVersion() throws Exception {
        var url = URI.create("https://management.azure.com/subscriptions/s/providers/Microsoft.Network/networkInterfaces"
                + "?api-version=2025-03-01&$skipToken=eyJzZWNyZXQiOjF9&sig=abc").toURL();

        assertThat(RequestTarget.describe(HttpMethod.GET, url)).isEqualTo("GET https://management.azure.com/subscriptions/s"
                + "/providers/Microsoft.Network/networkInterfaces?api-version=2025-03-01&$skipToken=***&sig=***");
    }

    @Test
    void asksForATokenForTheArmEndpointItself() {
        assertThat(AuditPipeline.scope(URI.create("https://management.azure.com/"))).isEqualTo("https://management.azure.com/.default");
        assertThat(AuditPipeline.scope(URI.create("https://management.chinacloudapi.cn"))).isEqualTo("https://management.chinacloudapi.cn/.default");
    }
}
