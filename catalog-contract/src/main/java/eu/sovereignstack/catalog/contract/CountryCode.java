package eu.sovereignstack.catalog.contract;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OpenAPI schema of an ISO 3166-1 alpha-2 country code, named so that lists of countries
 * can point their items at it (a schema annotation does not reach a list's elements). Country
 * codes are plain strings: this class is never instantiated.
 */
@Schema(name = "CountryCode", type = SchemaType.STRING, description = "ISO 3166-1 alpha-2 country code",
        pattern = CatalogLimits.COUNTRY_PATTERN, maxLength = CatalogLimits.COUNTRY, examples = "DE")
public final class CountryCode {

    private CountryCode() {
    }
}
