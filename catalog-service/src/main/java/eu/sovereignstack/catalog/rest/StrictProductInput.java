package eu.sovereignstack.catalog.rest;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

import eu.sovereignstack.catalog.contract.Energy;
import eu.sovereignstack.catalog.contract.Evidence;
import eu.sovereignstack.catalog.contract.Health;
import eu.sovereignstack.catalog.contract.Steward;
import eu.sovereignstack.catalog.contract.UltimateParent;

/**
 * The contract's {@link Steward}, {@link Health}, {@link UltimateParent}, {@link Energy} and {@link Evidence} ignore unknown
 * members so that services reading the catalog's answers tolerate new facts. Written by a client as part of a product or a
 * provider they are input, and the catalog rejects an unknown member there like anywhere else in a body.
 * A mix-in's annotations take the place of the class's own.
 */
@Singleton
public class StrictProductInput implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(Steward.class, RejectUnknown.class);
        mapper.addMixIn(Health.class, RejectUnknown.class);
        mapper.addMixIn(UltimateParent.class, RejectUnknown.class);
        mapper.addMixIn(Evidence.class, RejectUnknown.class);
        mapper.addMixIn(Energy.class, RejectUnknown.class);
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    private abstract static class RejectUnknown {
    }
}
