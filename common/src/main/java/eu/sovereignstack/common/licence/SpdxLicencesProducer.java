package eu.sovereignstack.common.licence;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;

/**
 * The SPDX licence list of a service, loaded once at start-up rather than on the first request
 * that needs it. A service that reads no licence leaves this class out
 * ({@code quarkus.arc.exclude-types}), as the gateway does.
 */
public class SpdxLicencesProducer {

    @Produces
    @Singleton
    SpdxLicences spdxLicences() {
        return new SpdxLicences();
    }

    void warmUp(@Observes StartupEvent event, SpdxLicences licences) throws InvalidLicenceException {
        licences.analyse("Apache-2.0 OR GPL-2.0-only WITH Classpath-exception-2.0");
    }
}
