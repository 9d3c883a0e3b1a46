package eu.sovereignstack.assessment;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.test.Mock;

import eu.sovereignstack.assessment.service.Today;

/** The tests judge facts on one fixed day, so results (release ages, stale projects) do not move with the calendar. */
@Mock
@ApplicationScoped
public class FixedToday extends Today {

    public static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    @Override
    public LocalDate date() {
        return DAY;
    }
}
