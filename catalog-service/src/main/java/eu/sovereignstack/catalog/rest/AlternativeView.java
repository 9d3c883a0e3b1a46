package eu.sovereignstack.catalog.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.domain.AlternativeFit;

/** One side of an "alternative to" relation, seen from the other product. */
@Schema(name = "Alternative")
public record AlternativeView(ProductSummary product, AlternativeFit fit, String notes) {
}
