package eu.sovereignstack.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What {@link PromQl} reads from a query: its metric names, and what makes it implausible. */
class PromQlTest {

    @Test
    void metricNamesAreWhatIsLeftOfMatchersRangesAndGroupings() {
        assertEquals(Set.of("http_server_requests_seconds_bucket"), PromQl.metricNames(
                "histogram_quantile(0.99, sum by (namespace, service, le) (rate(http_server_requests_seconds_bucket{service=~\"a|b\", status!=\"5..\"}[5m])))"));
        assertEquals(Set.of("a_total", "b_total"), PromQl.metricNames("sum(rate(a_total[5m])) by (job) / ignoring (x) group_left sum(b_total offset 1h) > bool 1e3"));
        assertEquals(Set.of("kube_pod_status_ready"), PromQl.metricNames("changes(kube_pod_status_ready{condition=\"true\"}[15m]) > 4"));
        assertEquals(Set.of("x"), PromQl.metricNames("max(x{namespace=\"$namespace\"}[$__rate_interval:1m])"));
    }

    @Test
    void plausibleQueriesPass() {
        assertEquals(List.of(), PromQl.problems("sum by (a) (rate(x_total{a=\"(\"}[5m])) / on (a) y > 0.02"));
        assertEquals(List.of(), PromQl.problems("rate(x[$__rate_interval])"));
    }

    @Test
    void implausibleQueriesAreReported() {
        Problems.assertReported(PromQl.problems("sum(rate(x[5m])"), "unclosed '('");
        Problems.assertReported(PromQl.problems("sum(rate(x[5m])))"), "unbalanced ')'");
        Problems.assertReported(PromQl.problems("rate(x{a=\"b}[5m])"), "unclosed string");
        Problems.assertReported(PromQl.problems("rate(x[5 minutes])"), "range [5 minutes] is not a duration");
        Problems.assertReported(PromQl.problems("rated(x[5m])"), "unknown function rated()");
        Problems.assertReported(PromQl.problems(" "), "empty query");
    }
}
