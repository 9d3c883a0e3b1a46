package eu.sovereignstack.assessment.service;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The day an assessment judges its facts on (how old a release is): today, in UTC. A bean of
 * its own so that tests can fix the day and reference results stay the same from one day to
 * the next.
 */
@ApplicationScoped
public class Today {

    public LocalDate date() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
