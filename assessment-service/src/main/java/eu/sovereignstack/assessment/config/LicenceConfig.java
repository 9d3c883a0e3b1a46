package eu.sovereignstack.assessment.config;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;

import eu.sovereignstack.assessment.licence.LicenceCheck;
import eu.sovereignstack.assessment.licence.OsadlMatrix;
import eu.sovereignstack.common.licence.InvalidLicenceException;
import eu.sovereignstack.common.licence.SpdxLicences;

/** The SPDX licence list and the OSADL matrix, loaded once at start-up. */
public class LicenceConfig {

    @Produces
    @Singleton
    SpdxLicences spdxLicences() {
        return new SpdxLicences();
    }

    @Produces
    @Singleton
    LicenceCheck licenceCheck(SpdxLicences licences, OsadlMatrix matrix) {
        return new LicenceCheck(licences, matrix);
    }

    void warmUp(@Observes StartupEvent event, SpdxLicences licences, OsadlMatrix matrix) throws InvalidLicenceException {
        licences.analyse("Apache-2.0 OR GPL-2.0-only WITH Classpath-exception-2.0");
        matrix.licences();
    }
}
