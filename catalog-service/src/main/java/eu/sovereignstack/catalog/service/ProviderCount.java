package eu.sovereignstack.catalog.service;

import eu.sovereignstack.catalog.domain.Provider;

/** A provider and how many offerings it runs. */
public record ProviderCount(Provider provider, long offeringCount) {
}
