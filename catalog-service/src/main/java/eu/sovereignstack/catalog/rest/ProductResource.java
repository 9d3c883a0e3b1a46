package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.contract.CatalogLimits.PAGE_MAX;
import static eu.sovereignstack.catalog.contract.CatalogLimits.PAGE_SIZE_DEFAULT;
import static eu.sovereignstack.catalog.contract.CatalogLimits.PAGE_SIZE_MAX;
import static eu.sovereignstack.catalog.contract.CatalogLimits.QUERY_TEXT;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.sovereignstack.catalog.contract.CatalogLimits;
import eu.sovereignstack.catalog.contract.DeploymentModel;
import eu.sovereignstack.catalog.contract.Governance;
import eu.sovereignstack.catalog.contract.ProductKind;
import eu.sovereignstack.catalog.contract.ProductView;
import eu.sovereignstack.catalog.domain.EntryKind;
import eu.sovereignstack.catalog.domain.ProductFacts;
import eu.sovereignstack.catalog.domain.Product;
import eu.sovereignstack.catalog.domain.ProductPage;
import eu.sovereignstack.catalog.domain.ProductSearch;
import eu.sovereignstack.catalog.domain.ProductSort;
import eu.sovereignstack.catalog.service.ChangeService;
import eu.sovereignstack.catalog.service.ImportOutcome;
import eu.sovereignstack.catalog.service.Origins;
import eu.sovereignstack.catalog.service.ProductService;
import eu.sovereignstack.common.api.PageView;
import eu.sovereignstack.common.api.QueryParameters;
import eu.sovereignstack.common.licence.SpdxLicences;
import eu.sovereignstack.common.problem.ProblemException;

@Path("/api/v1/products")
@Tag(name = ApiTags.PRODUCTS, description = "Software and services of the catalog")
@APIResponse(responseCode = "503", description = "The service's database cannot be reached; try again after Retry-After seconds")
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String SORT_PATTERN = "^-?(name|updated|released|scorecard)$";

    private final ProductService service;
    private final SpdxLicences licences;
    private final ObjectMapper json;
    private final Validator validator;
    private final ChangeService changes;
    private final Origins origins;
    private final AssertionViews assertions;

    ProductResource(ProductService service, SpdxLicences licences, ObjectMapper json, Validator validator, ChangeService changes,
            Origins origins, AssertionViews assertions) {
        this.assertions = assertions;
        this.service = service;
        this.origins = origins;
        this.changes = changes;
        this.licences = licences;
        this.json = json;
        this.validator = validator;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "searchProducts", summary = "Search products", description = "Filters combine with AND; q matches name and description.")
    @APIResponse(responseCode = "200", description = "One page of matching products")
    @APIResponse(responseCode = "400", description = "A filter, sort key or page parameter is invalid")
    public PageView<ProductView> search(
            @Parameter(description = "Category code") @QueryParam("category") @Size(max = CatalogLimits.CATEGORY) String category,
            @Parameter(schema = @Schema(implementation = ProductKind.class)) @QueryParam("kind") String kind,
            @Parameter(description = "SPDX licence id named in the expression", example = "AGPL-3.0-or-later")
            @QueryParam("licence") @Size(max = CatalogLimits.LICENCE_ID) String licence,
            @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("openSource") String openSource,
            @Parameter(schema = @Schema(implementation = Governance.class)) @QueryParam("governance") String governance,
            @Parameter(description = "Steward country, ISO 3166-1 alpha-2", example = "DE", schema = @Schema(type = SchemaType.STRING,
                    pattern = CatalogLimits.COUNTRY_PATTERN, maxLength = CatalogLimits.COUNTRY))
            @QueryParam("stewardCountry") @Pattern(regexp = CatalogLimits.COUNTRY_PATTERN) String stewardCountry,
            @Parameter(description = "Only products whose steward (its ultimate parent when known) and data locations are all in "
                    + "the EU/EEA",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("euOnly") String euOnly,
            @Parameter(description = "An open standard the product speaks", example = "S3")
            @QueryParam("standard") @Size(max = CatalogLimits.STANDARD) String standard,
            @Parameter(schema = @Schema(implementation = DeploymentModel.class)) @QueryParam("deploymentModel") String deploymentModel,
            @Parameter(description = "Free text over name and description") @QueryParam("q") @Size(max = QUERY_TEXT) String q,
            @Parameter(description = "Sort key, '-' for descending", schema = @Schema(type = SchemaType.STRING, pattern = SORT_PATTERN, maxLength = 10, defaultValue = "name"))
            @QueryParam("sort") @DefaultValue("name") @Pattern(regexp = SORT_PATTERN, message = "must be one of name, updated, released, scorecard, optionally prefixed with -") String sort,
            @Parameter(description = "Zero-based page number", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "0", maximum = "" + PAGE_MAX, defaultValue = "0"))
            @QueryParam("page") String page,
            @Parameter(description = "Page size, at most " + PAGE_SIZE_MAX, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "" + PAGE_SIZE_MAX, defaultValue = "" + PAGE_SIZE_DEFAULT))
            @QueryParam("size") String size) {
        // Read here rather than as int: JAX-RS answers an int that does not parse with a bare 404.
        int pageNumber = QueryParameters.intValue("page", page, 0, 0, PAGE_MAX);
        int pageSize = QueryParameters.intValue("size", size, PAGE_SIZE_DEFAULT, 1, PAGE_SIZE_MAX);
        ProductSearch search = new ProductSearch(
                QueryParameters.blankToNull(category),
                QueryParameters.enumValue("kind", kind, ProductKind.class),
                canonicalLicenceId(QueryParameters.blankToNull(licence)),
                QueryParameters.booleanValue("openSource", openSource),
                QueryParameters.enumValue("governance", governance, Governance.class),
                QueryParameters.blankToNull(stewardCountry),
                Boolean.TRUE.equals(QueryParameters.booleanValue("euOnly", euOnly)) ? Boolean.TRUE : null,
                QueryParameters.blankToNull(standard),
                QueryParameters.enumValue("deploymentModel", deploymentModel, DeploymentModel.class),
                QueryParameters.blankToNull(q));
        boolean descending = sort.startsWith("-");
        ProductSort order = ProductSort.byKey(descending ? sort.substring(1) : sort).orElseThrow();
        ProductPage found = service.search(search, order, descending, pageNumber, pageSize);
        Origins.Snapshot now = origins.now();
        return PageView.of(found.items().stream().map(p -> ProductMapper.toView(p, now.of(p))).toList(), pageNumber, pageSize, found.total());
    }

    @GET
    @Path("{slug}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "getProduct", summary = "Get a product", description = "The ETag header carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The product",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "The slug is longer than " + CatalogLimits.SLUG + " characters")
    @APIResponse(responseCode = "404", description = "No such product")
    public Response get(@PathParam("slug") @Size(max = CatalogLimits.SLUG) String slug) {
        return service.find(slug).map(this::withEtag).orElseThrow(() -> notFound(slug));
    }

    @GET
    @Path("{slug}/history")
    @RolesAllowed(Roles.AUDITOR)
    @Tag(name = ApiTags.CHANGES)
    @Operation(operationId = "productHistory", summary = "The recorded changes of a product, newest first",
            description = "A deleted product keeps its history, its deletion first. Continue with before = the page's 'next'.")
    @APIResponse(responseCode = "200", description = "One page of the product's changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangePageView.class)))
    @APIResponse(responseCode = "400", description = "The slug is too long, or 'before' or 'size' is not a whole number in its range")
    @APIResponse(responseCode = "404", description = "No such product, now or ever recorded")
    public ChangePageView history(@PathParam("slug") @Size(max = CatalogLimits.SLUG) String slug,
            @Parameter(description = "Only changes with a smaller id (the previous page's 'next'); from the newest when absent",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0", maximum = CatalogLimits.LONG_MAX))
            @QueryParam("before") String before,
            @Parameter(description = "Page size, at most " + ChangeResource.SIZE_MAX, schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "" + ChangeResource.SIZE_MAX, defaultValue = "" + ChangeResource.SIZE_DEFAULT))
            @QueryParam("size") String size) {
        return ChangeResource.history(changes, json, EntryKind.PRODUCT, slug, before, size,
                () -> service.find(slug).isPresent(), () -> notFound(slug));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "createProduct", summary = "Create a product")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, unknown category, invalid SPDX licence, a basedOn that "
            + "is not another open-source SOFTWARE product (or on a product that is not a SERVICE), or a delivery on a product "
            + "that is not SOFTWARE")
    @APIResponse(responseCode = "409", description = "The slug is taken")
    public Response create(@NotNull(message = "a product is required") @Valid ProductInput body) {
        Product product = service.create(ProductMapper.toFacts(body));
        ProductView created = ProductMapper.toView(product, origins.now().of(product));
        return Response.created(URI.create("/api/v1/products/" + created.slug()))
                .tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(created.version())))
                .entity(created).build();
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "replaceProduct", summary = "Replace a product",
            description = "Needs If-Match with the current ETag (412 when stale) or the current version in the body (409 when stale).")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "404", description = "No such product")
    @APIResponse(responseCode = "409", description = "The body's version is stale, or other products are based on this one and "
            + "it would no longer be open-source SOFTWARE")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor a version was sent")
    public Response replace(@PathParam("slug") @Size(max = CatalogLimits.SLUG) String slug,
            @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
            @HeaderParam("If-Match") @Size(max = 40) String ifMatch,
            @NotNull(message = "a product is required") @Valid ProductInput body) {
        return service.replace(slug, ProductMapper.toFacts(body), QueryParams.ifMatchVersion(ifMatch))
                .map(this::withEtag).orElseThrow(() -> notFound(slug));
    }

    @PATCH
    @Path("{slug}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "patchProduct", summary = "Change some facts of a product (JSON merge patch, RFC 7386)",
            description = "null removes an optional fact. If-Match (412 when stale) and a version member (409 when stale) are optional.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(type = SchemaType.OBJECT,
            description = "Members of ProductInput to change"), examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(
            name = "standards", value = "{\"standards\": [\"S3\", \"OIDC\"], \"version\": 3}")))
    @APIResponse(responseCode = "200", description = "Patched",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "The patched product is invalid")
    @APIResponse(responseCode = "404", description = "No such product")
    @APIResponse(responseCode = "409", description = "The patch's version is stale, or other products are based on this one and "
            + "it would no longer be open-source SOFTWARE")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response patch(@PathParam("slug") @Size(max = CatalogLimits.SLUG) String slug,
            @HeaderParam("If-Match") @Size(max = 40) String ifMatch,
            @NotNull(message = "a merge patch is required") JsonNode patch) {
        Integer ifMatchVersion = QueryParams.ifMatchVersion(ifMatch);
        JsonMergePatch<ProductInput, ProductFacts> change = new JsonMergePatch<>(patch, ProductInput.class, ProductMapper::toInput,
                ProductMapper::toFacts, json, validator);
        return service.patch(slug, ifMatchVersion, change)
                .map(this::withEtag).orElseThrow(() -> notFound(slug));
    }

    @DELETE
    @Path("{slug}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "deleteProduct", summary = "Delete a product",
            description = "Also removes its alternative relations and offerings. A product other products are based on "
                    + "cannot be deleted until their basedOn changes.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Other products are based on it; the problem names them")
    @APIResponse(responseCode = "400", description = "The slug is too long, or If-Match is not an ETag of this API")
    @APIResponse(responseCode = "404", description = "No such product")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response delete(@PathParam("slug") @Size(max = CatalogLimits.SLUG) String slug,
            @HeaderParam("If-Match") @Size(max = 40) String ifMatch) {
        if (!service.delete(slug, QueryParams.ifMatchVersion(ifMatch))) {
            throw notFound(slug);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Tag(name = ApiTags.TRANSFER)
    @Operation(operationId = "importProducts", summary = "Create or update up to " + CatalogLimits.IMPORT_PRODUCTS + " products, all or nothing",
            description = "Products are matched by slug. If any entry is invalid nothing is stored, and the problem lists "
                    + "the errors of every entry (fields such as products[3].licence).")
    @APIResponse(responseCode = "200", description = "All entries stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "400", description = "At least one entry is invalid; nothing was stored")
    public ImportResult importProducts(@NotNull(message = "an import request is required") @Valid ImportRequest body) {
        ImportOutcome outcome = service.importProducts(body.products().stream().map(ProductMapper::toFacts).toList());
        return new ImportResult(outcome.created(), outcome.updated(), outcome.unchanged());
    }

    private String canonicalLicenceId(String id) {
        return id == null ? null : licences.listed(id).map(l -> l.id()).orElse(id);
    }

    private Response withEtag(Product product) {
        Origins.Snapshot now = origins.now();
        ProductView view = assertions.with(ProductMapper.toView(product, now.of(product)), now);
        return Response.ok(view).tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(view.version()))).build();
    }

    static ProblemException notFound(String slug) {
        return ProblemException.notFound("product", slug);
    }
}
