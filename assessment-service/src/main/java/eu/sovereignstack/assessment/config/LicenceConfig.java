package eu.sovereignstack.assessment.config;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;

import eu.sovereignstack.assessment.licence.LicenceCheck;
import eu.sovereignstack.assessment.licence.OsadlMatrix;
import eu.sovereignstack.common.licence.SpdxLicences;

/** The licence check of the target stack, with the OSADL matrix loaded once at start-up (common's producer loads the SPDX list). */
public class LicenceConfig {

    @Produces
    @Singleton
    LicenceCheck licenceCheck(SpdxLicences licences, OsadlMatrix matrix) {
        return new LicenceCheck(licences, matrix);
    }

    void warmUp(@Observes StartupEvent event, OsadlMatrix matrix) {
        matrix.licences();
    }
}
