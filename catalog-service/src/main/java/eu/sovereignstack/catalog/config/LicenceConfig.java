package eu.sovereignstack.catalog.config;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;

import eu.sovereignstack.common.licence.InvalidLicenceException;
import eu.sovereignstack.common.licence.SpdxLicences;

/** The SPDX licence list, loaded once at start-up rather than on the first request that needs it. */
public class LicenceConfig {

    @Produces
    @Singleton
    SpdxLicences spdxLicences() {
        return new SpdxLicences();
    }

    void warmUp(@Observes StartupEvent event, SpdxLicences licences) throws InvalidLicenceException {
        licences.analyse("Apache-2.0 OR GPL-2.0-only WITH Classpath-exception-2.0");
    }
}
