package eu.sovereignstack.assessment.config;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;

import eu.sovereignstack.assessment.engine.licence.LicenceCheck;
import eu.sovereignstack.assessment.engine.licence.OsadlMatrix;
import eu.sovereignstack.common.licence.SpdxLicences;

/**
 * The engine's licence check as a bean, with the OSADL matrix loaded once at start-up (common's
 * producer loads the SPDX list). The engine itself knows nothing of CDI.
 */
public class LicenceConfig {

    @Produces
    @Singleton
    OsadlMatrix osadlMatrix() {
        return new OsadlMatrix();
    }

    @Produces
    @Singleton
    LicenceCheck licenceCheck(SpdxLicences licences, OsadlMatrix matrix) {
        return new LicenceCheck(licences, matrix);
    }

    void warmUp(@Observes StartupEvent event, OsadlMatrix matrix) {
        matrix.licences();
    }
}
