package eu.sovereignstack.catalog.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.sovereignstack.catalog.contract.CatalogLimits;
import eu.sovereignstack.catalog.domain.Evidences;
import eu.sovereignstack.catalog.domain.PackageUrl;
import eu.sovereignstack.catalog.domain.Product;
import eu.sovereignstack.catalog.domain.ProductFacts;
import eu.sovereignstack.catalog.domain.ProductPage;
import eu.sovereignstack.catalog.domain.ProductSearch;
import eu.sovereignstack.catalog.domain.ProductSort;
import eu.sovereignstack.catalog.repository.CategoryRepository;
import eu.sovereignstack.catalog.repository.ProductRepository;
import eu.sovereignstack.common.licence.InvalidLicenceException;
import eu.sovereignstack.common.licence.LicenceExpression;
import eu.sovereignstack.common.licence.SpdxLicences;
import eu.sovereignstack.common.problem.Problem.FieldError;
import eu.sovereignstack.common.problem.ProblemException;
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

    ProductService(ProductRepository products, CategoryRepository categories, SpdxLicences licences) {
        this.products = products;
        this.categories = categories;
        this.licences = licences;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProductPage search(ProductSearch search, ProductSort sort, boolean descending, int page, int size) {
        return products.search(search, sort, descending, page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Product> find(String slug) {
        return products.findBySlug(slug);
    }

    public Product create(ProductFacts input) {
        LicenceExpression licence = checkFacts(input, "");
        if (products.existsBySlug(input.slug())) {
            throw ProblemException.conflict("A product with slug '" + input.slug() + "' already exists.");
        }
        Product product = new Product();
        product.slug = input.slug();
        input.writeTo(product, licence);
        products.persistAndFlush(product);
        return product;
    }

    /**
     * Replaces a product's facts. {@code ifMatch} is the version of the If-Match header (a
     * mismatch is a 412); the body's version, if any, must match too (a mismatch is a 409).
     */
    public Optional<Product> replace(String slug, ProductFacts input, Integer ifMatch) {
        if (ifMatch == null && input.version() == null) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the product's ETag, or its version in the body, to replace it.");
        }
        return products.findBySlugForUpdate(slug).map(product -> {
            checkVersions(product, ifMatch, input.version());
            if (!slug.equals(input.slug())) {
                throw ProblemException.invalid("slug", "must equal the slug in the path ('" + slug + "'); slugs cannot change");
            }
            input.writeTo(product, checkFacts(input, ""));
            products.flush();
            return product;
        });
    }

    /**
     * Changes some facts of a product: {@code change} sees the product's facts once it is found
     * and locked, and after the versions are checked ({@code ifMatch} as in {@link #replace}).
     */
    public Optional<Product> patch(String slug, Integer ifMatch, ProductChange change) {
        return products.findBySlugForUpdate(slug).map(product -> {
            checkVersions(product, ifMatch, change.basedOn());
            ProductFacts input = change.applyTo(ProductFacts.of(product));
            if (!slug.equals(input.slug())) {
                throw ProblemException.invalid("slug", "slugs cannot change");
            }
            input.writeTo(product, checkFacts(input, ""));
            products.flush();
            return product;
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
    public ImportOutcome importProducts(List<ProductFacts> inputs) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        List<LicenceExpression> licencesOf = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ProductFacts input = inputs.get(i);
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
            ProductFacts input = inputs.get(i);
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
            ProductFacts input = inputs.get(i);
            LicenceExpression licence = licencesOf.get(i);
            Product product = existing.get(input.slug());
            if (product == null) {
                product = new Product();
                product.slug = input.slug();
                input.writeTo(product, licence);
                products.persist(product);
                created.add(product.slug);
            } else if (input.sameAs(product, licence)) {
                unchanged.add(product.slug);
            } else {
                input.writeTo(product, licence);
                updated.add(product.slug);
            }
        }
        products.flush();
        return new ImportOutcome(created, updated, unchanged);
    }

    /**
     * Checks what bean validation cannot: the category exists, the licence is valid SPDX, every
     * purl is a Package URL whose canonical form fits the column, and evidence is about the
     * product's facts.
     */
    private LicenceExpression checkFacts(ProductFacts input, String prefix) {
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
        for (String fact : Evidences.unknownFacts(input.evidence(), ProductFacts.EVIDENCE_FACTS)) {
            errors.add(new FieldError(prefix + "evidence." + fact,
                    "not a fact of a product; one of " + String.join(", ", ProductFacts.EVIDENCE_FACTS)));
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
}
