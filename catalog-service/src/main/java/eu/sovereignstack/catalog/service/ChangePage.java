package eu.sovereignstack.catalog.service;

import java.util.List;

import eu.sovereignstack.catalog.domain.Change;

/** One page of changes, the cursor to continue from (null when a history page is empty) and whether more follow. */
public record ChangePage(List<Change> changes, Long next, boolean more) {
}
