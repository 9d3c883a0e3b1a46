package eu.sovereignstack.catalog.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import eu.sovereignstack.catalog.contract.CatalogLimits;
import eu.sovereignstack.catalog.contract.ProductKind;
import eu.sovereignstack.catalog.domain.EntryKind;
import eu.sovereignstack.catalog.domain.Evidences;
import eu.sovereignstack.catalog.domain.Member;
import eu.sovereignstack.catalog.domain.PackageUrl;
import eu.sovereignstack.catalog.domain.Product;
import eu.sovereignstack.catalog.domain.ProductFacts;
import eu.sovereignstack.catalog.domain.ProductPage;
import eu.sovereignstack.catalog.domain.ProductSearch;
import eu.sovereignstack.catalog.domain.ProductSort;
import eu.sovereignstack.catalog.repository.AlternativeRepository;
import eu.sovereignstack.catalog.repository.CategoryRepository;
import eu.sovereignstack.catalog.repository.OfferingRepository;
import eu.sovereignstack.catalog.repository.ProductRepository;
import eu.sovereignstack.common.licence.InvalidLicenceException;
import eu.sovereignstack.common.licence.LicenceExpression;
import eu.sovereignstack.common.licence.SpdxLicences;
import eu.sovereignstack.common.problem.Problem.FieldError;
import eu.sovereignstack.common.problem.ProblemException;
import eu.sovereignstack.common.problem.ProblemType;

/**
 * Reading and writing products: every write checks the facts a client cannot be trusted with
 * (known category, valid SPDX licence, a base product that is open-source software, the version
 * it based its change on) before anything is stored, and stores the facts derived from the
 * licence with it. A product others are based on stays open-source software and cannot be
 * deleted while they are (409, naming them).
 */
@ApplicationScoped
@Transactional
public class ProductService {

    private final ProductRepository products;
    private final CategoryRepository categories;
    private final SpdxLicences licences;
    private final AlternativeRepository alternatives;
    private final OfferingRepository offerings;
    private final ChangeLog log;
    private final Ownership ownership;

    ProductService(ProductRepository products, CategoryRepository categories, SpdxLicences licences,
            AlternativeRepository alternatives, OfferingRepository offerings, ChangeLog log, Ownership ownership) {
        this.ownership = ownership;
        this.products = products;
        this.alternatives = alternatives;
        this.offerings = offerings;
        this.categories = categories;
        this.licences = licences;
        this.log = log;
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
        LicenceExpression licence = checkFacts(input, "", this::storedBase);
        if (products.existsBySlug(input.slug())) {
            throw ProblemException.conflict("A product with slug '" + input.slug() + "' already exists.");
        }
        Product product = newProduct(input.slug());
        input.writeTo(product, licence);
        products.persistAndFlush(product);
        log.created(EntryKind.PRODUCT, product.slug, product.version, log.views().product(product));
        return product;
    }

    /**
     * Replaces a product's facts. {@code ifMatch} is the version of the If-Match header (a
     * mismatch is a 412); the body's version, if any, must match too (a mismatch is a 409).
     */
    public Optional<Product> replace(String slug, ProductFacts input, Integer ifMatch) {
        Versions.required("product", ifMatch, input.version());
        return products.findBySlugForUpdate(slug).map(product -> {
            checkMayChange(product);
            checkVersions(product, ifMatch, input.version());
            if (!slug.equals(input.slug())) {
                throw ProblemException.invalid("slug", "must equal the slug in the path ('" + slug + "'); slugs cannot change");
            }
            LicenceExpression licence = checkFacts(input, "", this::storedBase);
            checkStaysABase(product.slug, input, licence);
            JsonNode before = log.views().product(product);
            input.writeTo(product, licence);
            products.flush();
            log.updated(EntryKind.PRODUCT, slug, product.version, before, log.views().product(product));
            return product;
        });
    }

    /**
     * Changes some facts of a product: {@code change} sees the product's facts once it is found
     * and locked, and after the versions are checked ({@code ifMatch} as in {@link #replace}).
     */
    public Optional<Product> patch(String slug, Integer ifMatch, FactsChange<ProductFacts> change) {
        return products.findBySlugForUpdate(slug).map(product -> {
            checkMayChange(product);
            checkVersions(product, ifMatch, change.basedOn());
            ProductFacts input = change.applyTo(ProductFacts.of(product));
            if (!slug.equals(input.slug())) {
                throw ProblemException.invalid("slug", "slugs cannot change");
            }
            LicenceExpression licence = checkFacts(input, "", this::storedBase);
            checkStaysABase(product.slug, input, licence);
            JsonNode before = log.views().product(product);
            input.writeTo(product, licence);
            products.flush();
            log.updated(EntryKind.PRODUCT, slug, product.version, before, log.views().product(product));
            return product;
        });
    }

    /** Deletes a product, unless other products are based on it (409, naming them). */
    public boolean delete(String slug, Integer ifMatch) {
        Optional<Product> product = products.findBySlugForUpdate(slug);
        product.ifPresent(p -> {
            checkMayChange(p);
            checkVersions(p, ifMatch, null);
            List<String> dependents = products.basedOnAny(List.of(slug)).getOrDefault(slug, List.of());
            if (!dependents.isEmpty()) {
                throw ProblemException.conflict("'" + slug + "' cannot be deleted: " + named(dependents)
                        + " based on it. Change their basedOn first.");
            }
            // The database deletes its relations and offerings with it; each is a deletion of its own in the feed.
            List<String> relations = alternatives.slugPairsOf(p).stream().map(pair -> ChangeLog.alternativeKey(pair[0], pair[1])).toList();
            List<String> offered = offerings.providerSlugsOf(p).stream().map(provider -> ChangeLog.offeringKey(provider, slug)).toList();
            products.delete(p);
            relations.forEach(key -> log.deleted(EntryKind.ALTERNATIVE, key));
            offered.forEach(key -> log.deleted(EntryKind.OFFERING, key));
            log.deleted(EntryKind.PRODUCT, slug);
        });
        return product.isPresent();
    }

    /** Checks the facts as a create would, writing nothing: a problem names every refused field. */
    @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = ProblemException.class)
    public void check(ProductFacts facts) {
        checkFacts(facts, "", this::storedBase);
    }

    /**
     * Writes a product that the peer {@code node} asserts as the row mirrored from it, checked as a
     * client's write is (a refusal is a problem and writes nothing). A slug this node holds as its
     * own or another peer's is left as it is: the peer's assertion is then kept beside it only.
     * Mirrored rows are not recorded in this node's feed: each node publishes what its members assert.
     *
     * @return whether the mirrored row was written
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public boolean mirror(String node, ProductFacts facts, Member owner, Integer version) {
        LicenceExpression licence = checkFacts(facts, "", this::storedBase);
        Optional<Product> stored = products.findBySlugForUpdate(facts.slug());
        if (stored.isPresent() && !node.equals(stored.get().originNode)) {
            return false;
        }
        Product product = stored.orElseGet(() -> {
            Product mirrored = new Product();
            mirrored.slug = facts.slug();
            mirrored.originNode = node;
            return mirrored;
        });
        product.ownerIssuer = owner.issuer();
        product.ownerOrg = owner.organisation();
        product.originVersion = version;
        facts.writeTo(product, licence);
        if (stored.isEmpty()) {
            products.persist(product);
        }
        products.flush();
        return true;
    }

    /**
     * Removes the product mirrored from {@code node} (its mirrored offerings and relations go with
     * it); a 409 problem, and nothing removed, while this node's services are based on it.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public boolean unmirror(String node, String slug) {
        Optional<Product> stored = products.findBySlugForUpdate(slug).filter(p -> node.equals(p.originNode));
        stored.ifPresent(product -> {
            List<String> dependents = products.basedOnAny(List.of(slug)).getOrDefault(slug, List.of());
            if (!dependents.isEmpty()) {
                throw ProblemException.conflict("'" + slug + "' stays as last synced: " + named(dependents) + " based on it.");
            }
            products.delete(product);
        });
        return stored.isPresent();
    }

    /**
     * Creates the products that are new and updates those that exist, all or nothing: every
     * entry is checked first, and one bad entry rejects the batch with the errors of all.
     */
    public ImportOutcome importProducts(List<ProductFacts> inputs) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            Integer earlier = firstIndex.putIfAbsent(inputs.get(i).slug(), i);
            if (earlier != null) {
                errors.add(new FieldError("products[" + i + "].slug", "duplicates products[" + earlier + "]"));
            }
        }
        // A product may be based on one the batch creates or changes: it is checked against the batch's facts.
        Map<String, Base> batchBases = new HashMap<>();
        firstIndex.forEach((slug, i) -> batchBases.put(slug, batchBase(inputs.get(i))));
        Map<String, Base> storedBases = products.findBySlugs(inputs.stream()
                        .map(ProductFacts::basedOn)
                        .filter(slug -> slug != null && !batchBases.containsKey(slug))
                        .distinct()
                        .toList())
                .stream().collect(Collectors.toMap(p -> p.slug, Base::of));
        Function<String, Optional<Base>> bases = slug -> Optional.ofNullable(
                batchBases.containsKey(slug) ? batchBases.get(slug) : storedBases.get(slug));
        List<LicenceExpression> licencesOf = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            try {
                licencesOf.add(checkFacts(inputs.get(i), "products[" + i + "].", bases));
            } catch (ProblemException e) {
                errors.addAll(e.errors());
                licencesOf.add(null);
            }
        }
        Map<String, Product> existing = products.findBySlugsForUpdate(List.copyOf(firstIndex.keySet())).stream()
                .collect(Collectors.toMap(p -> p.slug, Function.identity()));
        existing.values().forEach(this::checkMayChange);
        Map<String, List<String>> dependentsOf = products.basedOnAny(List.copyOf(existing.keySet()));
        for (int i = 0; i < inputs.size(); i++) {
            ProductFacts input = inputs.get(i);
            Product current = existing.get(input.slug());
            if (current != null && input.version() != null && input.version() != current.version) {
                errors.add(new FieldError("products[" + i + "].version",
                        "is " + input.version() + " but the product is at version " + current.version));
            }
            // Dependents in the batch were checked against its facts above; those outside it must keep their base.
            List<String> outside = dependentsOf.getOrDefault(input.slug(), List.of()).stream()
                    .filter(slug -> !batchBases.containsKey(slug))
                    .toList();
            if (current != null && licencesOf.get(i) != null && !outside.isEmpty() && !isOpenSoftware(input, licencesOf.get(i))) {
                errors.add(new FieldError("products[" + i + "]." + (input.kind() == ProductKind.SOFTWARE ? "licence" : "kind"),
                        "must stay open-source SOFTWARE: " + named(outside) + " based on it"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        Map<String, JsonNode> before = new HashMap<>();
        Map<String, Product> written = new HashMap<>();
        // Products without a base first, so that a base the batch creates is stored before the services based on it.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> inputs.get(i).basedOn() != null));
        for (int i : order) {
            ProductFacts input = inputs.get(i);
            LicenceExpression licence = licencesOf.get(i);
            Product product = existing.get(input.slug());
            if (product == null) {
                product = newProduct(input.slug());
                input.writeTo(product, licence);
                products.persist(product);
                created.add(product.slug);
                written.put(product.slug, product);
            } else if (input.sameAs(product, licence)) {
                unchanged.add(product.slug);
            } else {
                before.put(product.slug, log.views().product(product));
                input.writeTo(product, licence);
                updated.add(product.slug);
                written.put(product.slug, product);
            }
        }
        products.flush();
        // One change per product written, in the order they were written.
        for (int i : order) {
            Product product = written.get(inputs.get(i).slug());
            if (product == null) {
                continue;
            }
            JsonNode after = log.views().product(product);
            if (before.containsKey(product.slug)) {
                log.updated(EntryKind.PRODUCT, product.slug, product.version, before.get(product.slug), after);
            } else {
                log.created(EntryKind.PRODUCT, product.slug, product.version, after);
            }
        }
        return new ImportOutcome(inInputOrder(created, inputs), inInputOrder(updated, inputs), inInputOrder(unchanged, inputs));
    }

    private static List<String> inInputOrder(List<String> slugs, List<ProductFacts> inputs) {
        List<String> slugOrder = inputs.stream().map(ProductFacts::slug).toList();
        return slugs.stream().sorted(Comparator.comparingInt(slugOrder::indexOf)).toList();
    }

    /**
     * Checks what bean validation cannot: the category exists, the licence is valid SPDX, every
     * purl is a Package URL whose canonical form fits the column, evidence is about the product's
     * facts, a base product ({@code bases} finds it by slug) is another product, open-source
     * software, based on by a service, and only software states how it is delivered.
     */
    private LicenceExpression checkFacts(ProductFacts input, String prefix, Function<String, Optional<Base>> bases) {
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
        checkBase(input, prefix, bases, errors);
        checkDelivery(input, prefix, errors);
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

    /** A service may be based on another product, which must be open-source software; nothing else may. */
    private static void checkBase(ProductFacts input, String prefix, Function<String, Optional<Base>> bases, List<FieldError> errors) {
        boolean service = input.kind() == ProductKind.SERVICE;
        if (!service && input.evidence() != null && input.evidence().containsKey("basedOn")) {
            errors.add(new FieldError(prefix + "evidence.basedOn", "only a SERVICE product can be based on another product"));
        }
        String slug = input.basedOn();
        if (slug == null) {
            return;
        }
        String field = prefix + "basedOn";
        if (!service) {
            errors.add(new FieldError(field, "only a SERVICE product can be based on another product; this one is " + input.kind()));
        } else if (slug.equals(input.slug())) {
            errors.add(new FieldError(field, "a product cannot be based on itself"));
        } else {
            Optional<Base> base = bases.apply(slug);
            if (base.isEmpty()) {
                errors.add(new FieldError(field, "no product has the slug '" + slug + "'"));
            } else if (base.get().kind() != ProductKind.SOFTWARE) {
                errors.add(new FieldError(field, "'" + slug + "' is a " + base.get().kind() + "; a service can only be based on "
                        + "a SOFTWARE product"));
            } else if (Boolean.FALSE.equals(base.get().openSource())) {
                errors.add(new FieldError(field, "'" + slug + "' is not open source (" + base.get().licence()
                        + "); a service can only be based on an open-source product"));
            }
        }
    }

    /** Only software is delivered on devices or from a server: a service is always delivered over the network by its vendor. */
    private static void checkDelivery(ProductFacts input, String prefix, List<FieldError> errors) {
        if (input.kind() == ProductKind.SOFTWARE) {
            return;
        }
        if (input.delivery() != null) {
            errors.add(new FieldError(prefix + "delivery", "only a SOFTWARE product has a delivery; this one is " + input.kind()
                    + ", which its vendor delivers over the network"));
        }
        if (input.evidence() != null && input.evidence().containsKey("delivery")) {
            errors.add(new FieldError(prefix + "evidence.delivery", "only a SOFTWARE product has a delivery"));
        }
    }

    /** A product others are based on must stay open-source software (409, naming them). */
    private void checkStaysABase(String slug, ProductFacts input, LicenceExpression licence) {
        if (isOpenSoftware(input, licence)) {
            return;
        }
        List<String> dependents = products.basedOnAny(List.of(slug)).getOrDefault(slug, List.of());
        if (!dependents.isEmpty()) {
            String field = input.kind() == ProductKind.SOFTWARE ? "licence" : "kind";
            throw new ProblemException(ProblemType.CONFLICT, "'" + slug + "' must stay open-source SOFTWARE: " + named(dependents)
                    + " based on it. Change their basedOn first.",
                    List.of(new FieldError(field, "must stay open-source SOFTWARE while " + named(dependents) + " based on it")),
                    Map.of());
        }
    }

    private static boolean isOpenSoftware(ProductFacts input, LicenceExpression licence) {
        return input.kind() == ProductKind.SOFTWARE && licence.openSource();
    }

    /** "a, b and c are" / "a is", for messages that name the products based on another. */
    private static String named(List<String> slugs) {
        List<String> quoted = slugs.stream().map(s -> "'" + s + "'").toList();
        if (quoted.size() == 1) {
            return quoted.get(0) + " is";
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1) + " are";
    }

    private Optional<Base> storedBase(String slug) {
        return products.findBySlug(slug).map(Base::of);
    }

    /** A batch entry as a base: its openness is unknown (null) when its licence is invalid, which is reported on its own. */
    private Base batchBase(ProductFacts input) {
        try {
            LicenceExpression licence = licences.analyse(input.licence());
            return new Base(input.kind(), licence.openSource(), licence.expression());
        } catch (InvalidLicenceException e) {
            return new Base(input.kind(), null, input.licence());
        }
    }

    /** What decides whether a product can be a base: its kind and whether it is open source. */
    private record Base(ProductKind kind, Boolean openSource, String licence) {

        static Base of(Product p) {
            return new Base(p.kind, p.openSource, p.licenceExpression);
        }
    }

    /** A product of the writer's member and organisation. */
    private Product newProduct(String slug) {
        Product product = new Product();
        product.slug = slug;
        Member owner = ownership.writer();
        product.ownerIssuer = owner.issuer();
        product.ownerOrg = owner.organisation();
        return product;
    }

    private void checkMayChange(Product product) {
        ownership.checkMayChange("product", product.slug, product.ownerIssuer, product.ownerOrg, product.originNode);
    }

    private static void checkVersions(Product product, Integer ifMatch, Integer bodyVersion) {
        Versions.check("product", product.version, ifMatch, bodyVersion);
    }
}
