package eu.sovereignstack.assessment.domain;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One thing the organisation runs. It is matched to the catalog by {@code slug}, then
 * {@code purl}, then {@code name}; {@code licence} is used when the catalog has none (SBOMs).
 * {@code dependsOn} names other items' ids: what an item depends on migrates first.
 */
@Schema(name = "InventoryItem")
public record InventoryItem(
        @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.SINGLE_LINE)
        @Schema(description = "Unique within the inventory", examples = "idp", maxLength = Limits.ID)
        String id,
        @NotBlank @Size(max = Limits.NAME) @Pattern(regexp = Limits.SINGLE_LINE)
        @Schema(examples = "Microsoft Entra ID", maxLength = Limits.NAME)
        String name,
        @Size(max = Limits.SLUG) @Schema(description = "Catalog slug, when known", examples = "microsoft-entra-id", maxLength = Limits.SLUG)
        String slug,
        @Size(max = Limits.PURL) @Pattern(regexp = Limits.SINGLE_LINE)
        @Schema(description = "Package URL", examples = "pkg:maven/org.keycloak/keycloak-core@26.0.0", maxLength = Limits.PURL)
        String purl,
        @Size(max = Limits.VERSION) @Pattern(regexp = Limits.SINGLE_LINE) @Schema(maxLength = Limits.VERSION)
        String version,
        @Size(max = Limits.LICENCE) @Pattern(regexp = Limits.SINGLE_LINE)
        @Schema(description = "SPDX expression, used when the catalog has none", maxLength = Limits.LICENCE)
        String licence,
        @Valid @Schema(description = "Absent: self-hosted")
        Deployment deployment,
        @PositiveOrZero @Schema(description = "Number of users", maximum = Limits.INT_MAX)
        Integer users,
        @Schema(description = "Absent: INTERNAL")
        DataClassification dataClassification,
        @Schema(description = "Absent: MEDIUM")
        Criticality criticality,
        @Schema(description = "Absent: INTERNAL")
        Usage usage,
        @Size(max = Limits.DEPENDS_ON) @Schema(description = "Ids of the items this one depends on", maxItems = Limits.DEPENDS_ON)
        List<@NotNull @Size(max = Limits.ID) String> dependsOn,
        @Schema(description = "A library built into another item (an SBOM component of type library): matched to the "
                + "catalog by slug or purl only, never by name, since a library and the product it talks to share names "
                + "(the PostgreSQL JDBC driver is not the PostgreSQL server). A library counts in the application or "
                + "service that depends on it, not on its own. Absent: false")
        Boolean library,
        @Size(max = Limits.NAME) @Pattern(regexp = Limits.SINGLE_LINE)
        @Schema(description = "Who supplies it (an SBOM component's supplier, publisher or author), when the catalog does not "
                + "know it", maxLength = Limits.NAME)
        String supplier) {

    /** Fills the documented defaults, so the rest of the service never sees a null. */
    public InventoryItem {
        deployment = deployment == null ? Deployment.selfHosted() : deployment;
        dataClassification = dataClassification == null ? DataClassification.INTERNAL : dataClassification;
        criticality = criticality == null ? Criticality.MEDIUM : criticality;
        usage = usage == null ? Usage.INTERNAL : usage;
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        library = Boolean.TRUE.equals(library);
    }

    public InventoryItem(String id, String name, String slug, String purl, String version, String licence, Deployment deployment,
            Integer users, DataClassification dataClassification, Criticality criticality, Usage usage, List<String> dependsOn) {
        this(id, name, slug, purl, version, licence, deployment, users, dataClassification, criticality, usage, dependsOn, false, null);
    }

    public InventoryItem(String id, String name, String slug, String purl, String version, String licence, Deployment deployment,
            Integer users, DataClassification dataClassification, Criticality criticality, Usage usage, List<String> dependsOn,
            Boolean library) {
        this(id, name, slug, purl, version, licence, deployment, users, dataClassification, criticality, usage, dependsOn, library,
                null);
    }
}
