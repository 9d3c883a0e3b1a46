package eu.sovereignstack.assessment.client;

import eu.sovereignstack.catalog.contract.MatchedBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.faulttolerance.api.FibonacciBackoff;

import eu.sovereignstack.catalog.contract.ResolveRequest;
import eu.sovereignstack.catalog.contract.ResolveResult;
import eu.sovereignstack.catalog.contract.ResolvedProduct;
import eu.sovereignstack.assessment.observability.AssessmentMetrics;
import eu.sovereignstack.common.problem.Failures;

/**
 * Resolves a whole inventory against the catalog: entries are deduplicated (a thousand copies
 * of the same library are asked once) and sent in batches of {@value #BATCH}, never one call
 * per item. Each batch call has a timeout, is retried (it is a read), and goes through a
 * circuit breaker so a dead catalog fails fast.
 */
@ApplicationScoped
public class CatalogResolver {

    public static final int BATCH = 1000;

    private final CatalogClient catalog;
    private final CatalogServiceClient catalogAsService;
    private final ServiceToken serviceToken;
    private final AssessmentMetrics metrics;

    CatalogResolver(@RestClient CatalogClient catalog, @RestClient CatalogServiceClient catalogAsService, ServiceToken serviceToken,
            AssessmentMetrics metrics) {
        this.catalog = catalog;
        this.catalogAsService = catalogAsService;
        this.serviceToken = serviceToken;
        this.metrics = metrics;
    }

    /** The catalog's view of the entries, asked with the caller's token. */
    public ResolveResult resolve(List<ResolveRequest.Item> entries) {
        return resolve(entries, false);
    }

    /**
     * The catalog's view of the entries: matches keyed by the entries' refs, and every product
     * named. Asked with the caller's token, or, for a job ({@code asService}), with the service's own.
     */
    public ResolveResult resolve(List<ResolveRequest.Item> entries, boolean asService) {
        // Each distinct (slug, purl, name) is asked once, under a short ref of its own.
        Map<String, ResolveRequest.Item> unique = new LinkedHashMap<>();
        Map<String, String> keyOfRef = new HashMap<>();
        for (ResolveRequest.Item entry : entries) {
            String identity = (entry.slug() == null ? "" : entry.slug()) + "\u0000" + (entry.purl() == null ? "" : entry.purl())
                    + "\u0000" + (entry.name() == null ? "" : entry.name().trim().toLowerCase(java.util.Locale.ROOT));
            ResolveRequest.Item asked = unique.computeIfAbsent(identity,
                    i -> new ResolveRequest.Item("e" + unique.size(), entry.slug(), entry.purl(), entry.name()));
            keyOfRef.put(entry.ref(), asked.ref());
        }
        List<ResolveRequest.Item> asked = new ArrayList<>(unique.values());
        Map<String, ResolveResult.Match> byKey = new HashMap<>();
        Map<String, ResolvedProduct> products = new HashMap<>();
        for (int from = 0; from < asked.size(); from += BATCH) {
            ResolveResult batch = call(new ResolveRequest(asked.subList(from, Math.min(asked.size(), from + BATCH))), asService);
            batch.matches().forEach(match -> byKey.put(match.ref(), match));
            products.putAll(batch.products());
        }
        List<ResolveResult.Match> matches = entries.stream().map(entry -> {
            ResolveResult.Match match = byKey.get(keyOfRef.get(entry.ref()));
            return match == null
                    ? new ResolveResult.Match(entry.ref(), null, MatchedBy.NONE)
                    : new ResolveResult.Match(entry.ref(), match.product(), match.matchedBy());
        }).toList();
        return new ResolveResult(matches, products);
    }

    @Timeout(10_000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = CatalogRefusedException.class)
    @FibonacciBackoff
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000,
            failOn = {ProcessingException.class, TimeoutException.class, WebApplicationException.class})
    ResolveResult call(ResolveRequest request, boolean asService) {
        long started = System.nanoTime();
        boolean answered = false;
        try {
            ResolveResult result = asService ? catalogAsService.resolve(serviceToken.authorization(), request) : catalog.resolve(request);
            answered = true;
            return result;
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new CatalogRefusedException(status);
            }
            throw e;
        } finally {
            metrics.catalogResolve(answered, System.nanoTime() - started);
        }
    }

    /** Turns what the fault tolerance layer gives up with into one exception that says why. */
    public static CatalogUnavailableException unavailable(RuntimeException e) {
        if (e instanceof CircuitBreakerOpenException) {
            return new CatalogUnavailableException("The catalog-service is failing; calls are paused for a few seconds.", false, e);
        }
        if (Failures.isTimeout(e)) {
            return new CatalogUnavailableException("The catalog-service did not answer in time.", true, e);
        }
        return new CatalogUnavailableException("The catalog-service cannot be reached.", false, e);
    }

    /** The catalog answered 4xx: retrying would not help (and must not count against the breaker's recovery). */
    public static class CatalogRefusedException extends RuntimeException {

        private final int status;

        CatalogRefusedException(int status) {
            super("The catalog-service refused the request with status " + status, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
