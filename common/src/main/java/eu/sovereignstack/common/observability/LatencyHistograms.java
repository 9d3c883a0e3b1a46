package eu.sovereignstack.common.observability;

import java.time.Duration;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Request and phase timers are published as Prometheus histograms with the same fixed buckets
 * in every service (5 ms to 30 s), so quantiles (p50, p99) can be computed over all replicas in
 * Prometheus, at a known cost of series per route.
 */
@Singleton
public class LatencyHistograms implements MeterFilter {

    private static final double[] BUCKETS = nanos(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000);

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER || !histogrammed(id.getName())) {
            return config;
        }
        return DistributionStatisticConfig.builder()
                .serviceLevelObjectives(BUCKETS)
                .build()
                .merge(config);
    }

    private static boolean histogrammed(String name) {
        return name.startsWith("http.server.requests") || name.startsWith("http.client.requests") || name.startsWith("sovereign.");
    }

    private static double[] nanos(long... millis) {
        double[] nanos = new double[millis.length];
        for (int i = 0; i < millis.length; i++) {
            nanos[i] = Duration.ofMillis(millis[i]).toNanos();
        }
        return nanos;
    }
}
