package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.contract.CatalogLimits.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.contract.CountryCode;
import eu.sovereignstack.catalog.contract.Delivery;
import eu.sovereignstack.catalog.contract.DeploymentModel;
import eu.sovereignstack.catalog.contract.Evidence;
import eu.sovereignstack.catalog.contract.Governance;
import eu.sovereignstack.catalog.contract.Health;
import eu.sovereignstack.catalog.contract.ProductKind;
import eu.sovereignstack.catalog.contract.ProductView;
import eu.sovereignstack.catalog.contract.Steward;

/** A product as a client writes it (create, replace, import); also the shape of the export. */
@Schema(name = "ProductInput", description = "A product as written by a client.")
public record ProductInput(
        @NotBlank @Size(max = SLUG) @Pattern(regexp = SLUG_PATTERN, message = "must be lowercase kebab-case")
        @Schema(description = "Stable id, lowercase kebab-case", examples = "nextcloud", maxLength = SLUG, pattern = SLUG_PATTERN)
        String slug,

        @NotBlank @Size(max = NAME) @Pattern(regexp = SINGLE_LINE, message = "must be a single line without control characters")
        @Schema(examples = "Nextcloud Hub", maxLength = NAME)
        String name,

        @NotNull
        ProductKind kind,

        @Size(max = SLUG) @Pattern(regexp = SLUG_PATTERN, message = "must be the slug of a product")
        @Schema(description = ProductView.BASED_ON_DESCRIPTION, examples = "kubernetes", maxLength = SLUG, pattern = SLUG_PATTERN)
        String basedOn,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = ProductView.DELIVERY_DESCRIPTION, examples = "SERVER")
        Delivery delivery,

        @NotBlank @Size(max = CATEGORY)
        @Schema(description = "A category code from GET /categories", examples = "file-sync-share", maxLength = CATEGORY)
        String category,

        @NotBlank @Size(max = DESCRIPTION) @Pattern(regexp = MULTI_LINE, message = "must not contain control characters")
        @Schema(maxLength = DESCRIPTION)
        String description,

        @NotNull @Valid
        Steward steward,

        @NotBlank @Size(max = LICENCE)
        @Schema(description = "SPDX licence expression; LicenseRef-Proprietary for proprietary products",
                examples = "AGPL-3.0-or-later", maxLength = LICENCE)
        String licence,

        @NotNull
        Governance governance,

        @NotEmpty @Size(max = DEPLOYMENT_MODELS)
        @Schema(maxItems = DEPLOYMENT_MODELS, minItems = 1)
        List<@NotNull DeploymentModel> deploymentModels,

        @Size(max = STANDARDS)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Open standards, protocols and open APIs it speaks: an empty list when it speaks none; "
                + "left out when unknown", examples = "[\"WebDAV\", \"CalDAV\", \"OIDC\"]",
                maxItems = STANDARDS)
        List<@NotBlank @Size(max = STANDARD) @Pattern(regexp = SINGLE_LINE) String> standards,

        @Size(max = CERTIFICATIONS)
        @Schema(examples = "[\"ISO 27001\"]", maxItems = CERTIFICATIONS)
        List<@NotBlank @Size(max = CERTIFICATION) @Pattern(regexp = SINGLE_LINE) String> certifications,

        @Size(max = DATA_LOCATIONS)
        @Schema(description = "ISO 3166-1 alpha-2 countries where its vendor stores customer data (services)",
                examples = "[\"DE\", \"FR\"]", type = SchemaType.ARRAY, implementation = CountryCode.class, maxItems = DATA_LOCATIONS)
        List<@NotNull @Pattern(regexp = COUNTRY_PATTERN, message = "must be an ISO 3166-1 alpha-2 code") String> dataLocations,

        @Size(max = URL) @Pattern(regexp = URL_PATTERN, message = "must be an http(s) URL")
        @Schema(examples = "https://nextcloud.com", maxLength = URL)
        String website,

        @Size(max = URL) @Pattern(regexp = URL_PATTERN, message = "must be an http(s) URL")
        @Schema(examples = "https://github.com/nextcloud/server", maxLength = URL)
        String sourceRepository,

        @Size(max = PURLS)
        @Schema(description = "Package URLs of its packages and images; stored canonical, without version, qualifiers and subpath",
                examples = "[\"pkg:github/nextcloud/server\", \"pkg:docker/library/nextcloud\"]", maxItems = PURLS)
        List<@NotBlank @Size(max = PURL) @Pattern(regexp = SINGLE_LINE) String> purls,

        @Size(max = ALIASES)
        @Schema(description = "Other names inventories use for it", examples = "[\"Azure AD\", \"Entra ID\"]", maxItems = ALIASES)
        List<@NotBlank @Size(max = ALIAS)
             @Pattern(regexp = SINGLE_LINE, message = "must be a single line without control characters") String> aliases,

        @Valid
        Health health,

        @NotNull @PastOrPresent
        @Schema(description = "The date the facts were checked", examples = "2026-11-22",
                implementation = String.class, format = "date", maxLength = DATE)
        LocalDate factsAsOf,

        @Size(max = EVIDENCE_FACTS)
        @Schema(description = "The evidence of each fact, by fact name: " + ProductView.FACTS
                + ". Every fact should carry its evidence; a fact without evidence is shown as unsourced.",
                maxProperties = EVIDENCE_FACTS)
        Map<@Size(max = FACT_NAME) @Pattern(regexp = FACT_NAME_PATTERN, message = "must be a fact name") String,
            @NotNull @Valid Evidence> evidence,

        @PositiveOrZero
        @Schema(description = "Version the client based its change on; a stale one is a 409", maximum = INT_MAX)
        Integer version) {
}
