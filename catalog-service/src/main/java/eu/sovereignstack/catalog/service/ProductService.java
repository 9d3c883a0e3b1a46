package eu.sovereignstack.catalog.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.sovereignstack.catalog.contract.CatalogLimits;
import eu.sovereignstack.catalog.contract.ProductView;
import eu.sovereignstack.catalog.domain.PackageUrl;
import eu.sovereignstack.catalog.domain.Product;
import eu.sovereignstack.catalog.repository.CategoryRepository;
import eu.sovereignstack.catalog.repository.ProductRepository;
import eu.sovereignstack.catalog.repository.ProductSearch;
import eu.sovereignstack.catalog.rest.ImportResult;
import eu.sovereignstack.catalog.rest.ProductInput;
import eu.sovereignstack.common.api.PageView;
import eu.sovereignstack.common.licence.InvalidLicenceException;
import eu.sovereignstack.common.licence.LicenceExpression;
import eu.sovereignstack.common.licence.SpdxLicences;
import eu.sovereignstack.common.problem.Problem.FieldError;
import eu.sovereignstack.common.problem.ProblemException;
import eu.sovereignstack.common.problem.ProblemMappers;
import eu.sovereignstack.common.problem.ProblemType;

/**
 * Reading and writing products: every write checks the facts a client cannot be trusted with
 * (known category, valid SPDX licence, the version it based its change on) before anything is
 * stored, and stores the facts derived from the licence with it.
 */
@ApplicationScoped
@Transactional
public class ProductService {

    private final ProductRepository products;
    private final CategoryRepository categories;
    private final SpdxLicences licences;
    private final ObjectMapper json;
    private final Validator validator;

    ProductService(ProductRepository products, CategoryRepository categories, SpdxLicences licences,
            ObjectMapper json, Validator validator) {
        this.products = products;
        this.categories = categories;
        this.licences = licences;
        this.json = json;
        this.validator = validator;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<ProductView> search(ProductSearch search, String orderBy, int page, int size) {
        ProductRepository.SearchResult result = products.search(search, orderBy, page, size);
        List<ProductView> items = result.items().stream().map(ProductMapper::toView).toList();
        return PageView.of(items, page, size, result.total());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProductView> find(String slug) {
        return products.findBySlug(slug).map(ProductMapper::toView);
    }

    public ProductView create(ProductInput input) {
        LicenceExpression licence = checkFacts(input, "");
        if (products.existsBySlug(input.slug())) {
            throw ProblemException.conflict("A product with slug '" + input.slug() + "' already exists.");
        }
        Product product = new Product();
        product.slug = input.slug();
        ProductMapper.apply(input, licence, product);
        products.persistAndFlush(product);
        return ProductMapper.toView(product);
    }

    /**
     * Replaces a product's facts. {@code ifMatch} is the version of the If-Match header (a
     * mismatch is a 412); the body's version, if any, must match too (a mismatch is a 409).
     */
    public Optional<ProductView> replace(String slug, ProductInput input, Integer ifMatch) {
        if (ifMatch == null && input.version() == null) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the product's ETag, or its version in the body, to replace it.");
        }
        return products.findBySlugForUpdate(slug).map(product -> {
            checkVersions(product, ifMatch, input.version());
            if (!slug.equals(input.slug())) {
                throw ProblemException.invalid("slug", "must equal the slug in the path ('" + slug + "'); slugs cannot change");
            }
            ProductMapper.apply(input, checkFacts(input, ""), product);
            products.flush();
            return ProductMapper.toView(product);
        });
    }

    /** Applies an RFC 7386 JSON merge patch to a product. */
    public Optional<ProductView> patch(String slug, JsonNode patch, Integer ifMatch) {
        if (!(patch instanceof ObjectNode)) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "A merge patch must be a JSON object.");
        }
        return products.findBySlugForUpdate(slug).map(product -> {
            JsonNode version = patch.get("version");
            Integer bodyVersion = version == null || version.isNull() ? null : readVersion(version);
            checkVersions(product, ifMatch, bodyVersion);
            ObjectNode merged = json.valueToTree(ProductMapper.toInput(product));
            mergePatch(merged, patch);
            merged.remove("version");
            ProductInput input = readInput(merged);
            if (!slug.equals(input.slug())) {
                throw ProblemException.invalid("slug", "slugs cannot change");
            }
            ProductMapper.apply(input, checkFacts(input, ""), product);
            products.flush();
            return ProductMapper.toView(product);
        });
    }

    public boolean delete(String slug, Integer ifMatch) {
        Optional<Product> product = products.findBySlugForUpdate(slug);
        product.ifPresent(p -> {
            checkVersions(p, ifMatch, null);
            products.delete(p);
        });
        return product.isPresent();
    }

    /**
     * Creates the products that are new and updates those that exist, all or nothing: every
     * entry is checked first, and one bad entry rejects the batch with the errors of all.
     */
    public ImportResult importProducts(List<ProductInput> inputs) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        List<LicenceExpression> licencesOf = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ProductInput input = inputs.get(i);
            String prefix = "products[" + i + "].";
            Integer earlier = firstIndex.putIfAbsent(input.slug(), i);
            if (earlier != null) {
                errors.add(new FieldError(prefix + "slug", "duplicates products[" + earlier + "]"));
            }
            try {
                licencesOf.add(checkFacts(input, prefix));
            } catch (ProblemException e) {
                errors.addAll(e.errors());
                licencesOf.add(null);
            }
        }
        Map<String, Product> existing = products.findBySlugsForUpdate(List.copyOf(firstIndex.keySet())).stream()
                .collect(Collectors.toMap(p -> p.slug, Function.identity()));
        for (int i = 0; i < inputs.size(); i++) {
            ProductInput input = inputs.get(i);
            Product current = existing.get(input.slug());
            if (current != null && input.version() != null && input.version() != current.version) {
                errors.add(new FieldError("products[" + i + "].version",
                        "is " + input.version() + " but the product is at version " + current.version));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ProductInput input = inputs.get(i);
            LicenceExpression licence = licencesOf.get(i);
            Product product = existing.get(input.slug());
            if (product == null) {
                product = new Product();
                product.slug = input.slug();
                ProductMapper.apply(input, licence, product);
                products.persist(product);
                created.add(product.slug);
            } else if (ProductMapper.sameFacts(input, licence, product)) {
                unchanged.add(product.slug);
            } else {
                ProductMapper.apply(input, licence, product);
                updated.add(product.slug);
            }
        }
        products.flush();
        return new ImportResult(created, updated, unchanged);
    }

    /**
     * Checks what bean validation cannot: the category exists, the licence is valid SPDX and
     * every purl is a Package URL whose canonical form fits the column.
     */
    private LicenceExpression checkFacts(ProductInput input, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (categories.findByIdOptional(input.category()).isEmpty()) {
            errors.add(new FieldError(prefix + "category", "unknown category '" + input.category() + "'; see GET /api/v1/categories"));
        }
        List<String> purls = input.purls() == null ? List.of() : input.purls();
        for (int i = 0; i < purls.size(); i++) {
            try {
                if (PackageUrl.canonical(purls.get(i)).length() > CatalogLimits.PURL) {
                    errors.add(new FieldError(prefix + "purls[" + i + "]",
                            "its canonical form is longer than " + CatalogLimits.PURL + " characters"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(prefix + "purls[" + i + "]", e.getMessage()));
            }
        }
        LicenceExpression licence = null;
        try {
            licence = licences.analyse(input.licence());
        } catch (InvalidLicenceException e) {
            errors.add(new FieldError(prefix + "licence", e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return licence;
    }

    private static void checkVersions(Product product, Integer ifMatch, Integer bodyVersion) {
        if (ifMatch != null && ifMatch != product.version) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "If-Match names version " + ifMatch + " but the product is at version " + product.version + ".",
                    List.of(), Map.of("ETag", "\"" + product.version + "\""));
        }
        if (bodyVersion != null && bodyVersion != product.version) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "The change is based on version " + bodyVersion + " but the product is at version " + product.version
                            + "; reload it and apply the change again.",
                    List.of(new FieldError("version", "stale: current version is " + product.version)),
                    Map.of("ETag", "\"" + product.version + "\""));
        }
    }

    private static Integer readVersion(JsonNode version) {
        if (!version.canConvertToInt() || !version.isIntegralNumber()) {
            throw ProblemException.invalid("version", "must be an integer");
        }
        return version.intValue();
    }

    private ProductInput readInput(ObjectNode merged) {
        ProductInput input;
        try {
            input = json.treeToValue(merged, ProductInput.class);
        } catch (JsonProcessingException e) {
            throw ProblemMappers.malformed(e);
        }
        Set<ConstraintViolation<ProductInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return input;
    }

    /** RFC 7386: objects merge member by member, null removes, anything else replaces. */
    static void mergePatch(ObjectNode target, JsonNode patch) {
        patch.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                target.remove(entry.getKey());
            } else if (value.isObject()) {
                ObjectNode nested = target.get(entry.getKey()) instanceof ObjectNode existing
                        ? existing
                        : target.putObject(entry.getKey());
                mergePatch(nested, value);
            } else {
                target.set(entry.getKey(), value.deepCopy());
            }
        });
    }
}
