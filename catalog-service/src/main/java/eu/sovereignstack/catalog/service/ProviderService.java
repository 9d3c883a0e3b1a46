package eu.sovereignstack.catalog.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import eu.sovereignstack.catalog.contract.Evidence;
import eu.sovereignstack.catalog.domain.EntryKind;
import eu.sovereignstack.catalog.domain.Evidences;
import eu.sovereignstack.catalog.domain.Member;
import eu.sovereignstack.catalog.domain.Offering;
import eu.sovereignstack.catalog.domain.OfferingFacts;
import eu.sovereignstack.catalog.domain.Product;
import eu.sovereignstack.catalog.domain.Provider;
import eu.sovereignstack.catalog.domain.ProviderFacts;
import eu.sovereignstack.catalog.repository.OfferingRepository;
import eu.sovereignstack.catalog.repository.ProductRepository;
import eu.sovereignstack.catalog.repository.ProviderRepository;
import eu.sovereignstack.common.jurisdiction.Countries;
import eu.sovereignstack.common.problem.Problem.FieldError;
import eu.sovereignstack.common.problem.ProblemException;
import eu.sovereignstack.common.problem.ProblemType;

/**
 * Writing providers and their offerings, as products are written: every write checks what bean
 * validation cannot (assigned country codes, decimals the columns hold, evidence only for facts
 * the entry states) and the version it is based on before anything is stored. An offering belongs
 * to its provider: writing one locks the provider's row, and deleting a provider deletes its
 * offerings.
 */
@ApplicationScoped
@Transactional
public class ProviderService {

    /** The decimals the columns keep (numeric(3, 2) and numeric(4, 3)): more would be rounded silently. */
    private static final int PUE_DECIMALS = 2;
    private static final int RENEWABLE_SHARE_DECIMALS = 3;

    private final ProviderRepository providers;
    private final OfferingRepository offerings;
    private final ProductRepository products;
    private final ChangeLog log;
    private final Ownership ownership;

    ProviderService(ProviderRepository providers, OfferingRepository offerings, ProductRepository products, ChangeLog log,
            Ownership ownership) {
        this.ownership = ownership;
        this.providers = providers;
        this.offerings = offerings;
        this.products = products;
        this.log = log;
    }

    public ProviderCount create(ProviderFacts input) {
        checkProvider(input);
        if (providers.existsBySlug(input.slug())) {
            throw ProblemException.conflict("A provider with slug '" + input.slug() + "' already exists.");
        }
        Provider provider = new Provider();
        provider.slug = input.slug();
        Member owner = ownership.writer();
        provider.ownerIssuer = owner.issuer();
        provider.ownerOrg = owner.organisation();
        input.writeTo(provider);
        providers.persistAndFlush(provider);
        log.created(EntryKind.PROVIDER, provider.slug, provider.version, log.views().provider(provider));
        return new ProviderCount(provider, 0);
    }

    /** Replaces a provider's facts; {@code ifMatch} and the body's version as for a product. */
    public Optional<ProviderCount> replace(String slug, ProviderFacts input, Integer ifMatch) {
        Versions.required("provider", ifMatch, input.version());
        return providers.findBySlugForUpdate(slug).map(provider -> {
            checkMayChange(provider);
            Versions.check("provider", provider.version, ifMatch, input.version());
            if (!slug.equals(input.slug())) {
                throw ProblemException.invalid("slug", "must equal the slug in the path ('" + slug + "'); slugs cannot change");
            }
            return write(provider, input);
        });
    }

    public Optional<ProviderCount> patch(String slug, Integer ifMatch, FactsChange<ProviderFacts> change) {
        return providers.findBySlugForUpdate(slug).map(provider -> {
            checkMayChange(provider);
            Versions.check("provider", provider.version, ifMatch, change.basedOn());
            ProviderFacts input = change.applyTo(ProviderFacts.of(provider));
            if (!slug.equals(input.slug())) {
                throw ProblemException.invalid("slug", "slugs cannot change");
            }
            return write(provider, input);
        });
    }

    /** Deletes a provider and, as they are its own, its offerings. */
    public boolean delete(String slug, Integer ifMatch) {
        Optional<Provider> provider = providers.findBySlugForUpdate(slug);
        provider.ifPresent(p -> {
            checkMayChange(p);
            Versions.check("provider", p.version, ifMatch, null);
            List<String> offered = offerings.productSlugsOf(p);
            offerings.delete("provider", p);
            providers.delete(p);
            offered.forEach(product -> log.deleted(EntryKind.OFFERING, ChangeLog.offeringKey(slug, product)));
            log.deleted(EntryKind.PROVIDER, slug);
        });
        return provider.isPresent();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Offering> offering(String providerSlug, String productSlug) {
        return providers.findBySlug(providerSlug)
                .flatMap(provider -> products.findBySlug(productSlug).flatMap(product -> offerings.of(provider, product)));
    }

    /**
     * Creates the offering of a product by a provider, or replaces it: a replacement needs a
     * version ({@code ifMatch} or the body's), a creation must name none (there is nothing it
     * can be based on). The provider and the product must exist (404 naming the missing one).
     */
    public OfferingWrite putOffering(String providerSlug, String productSlug, OfferingFacts input, Integer ifMatch) {
        Provider provider = providers.findBySlugForUpdate(providerSlug)
                .orElseThrow(() -> ProblemException.notFound("provider", providerSlug));
        Product product = products.findBySlug(productSlug).orElseThrow(() -> ProblemException.notFound("product", productSlug));
        Optional<Offering> existing = offerings.of(provider, product);
        existing.ifPresentOrElse(this::checkMayChange, () -> checkMayChange(provider));
        if (existing.isEmpty()) {
            if (ifMatch != null) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED, "If-Match names version " + ifMatch + " but '"
                        + providerSlug + "' has no offering of '" + productSlug + "'.", List.of(), Map.of());
            }
            if (input.version() != null) {
                throw new ProblemException(ProblemType.CONFLICT, "The change is based on version " + input.version()
                        + " but '" + providerSlug + "' has no offering of '" + productSlug + "'; leave version out to create it.",
                        List.of(new FieldError("version", "no such offering; leave version out to create it")), Map.of());
            }
            checkOffering(input);
            Offering offering = new Offering();
            offering.provider = provider;
            offering.product = product;
            input.writeTo(offering);
            offerings.persistAndFlush(offering);
            log.created(EntryKind.OFFERING, ChangeLog.offeringKey(providerSlug, productSlug), offering.version,
                    log.views().offering(offering));
            return new OfferingWrite(offering, true);
        }
        Offering offering = existing.get();
        Versions.required("offering", ifMatch, input.version());
        Versions.check("offering", offering.version, ifMatch, input.version());
        checkOffering(input);
        JsonNode before = log.views().offering(offering);
        input.writeTo(offering);
        offerings.flush();
        log.updated(EntryKind.OFFERING, ChangeLog.offeringKey(providerSlug, productSlug), offering.version, before,
                log.views().offering(offering));
        return new OfferingWrite(offering, false);
    }

    public Optional<Offering> patchOffering(String providerSlug, String productSlug, Integer ifMatch,
            FactsChange<OfferingFacts> change) {
        return lockedOffering(providerSlug, productSlug).map(offering -> {
            checkMayChange(offering);
            Versions.check("offering", offering.version, ifMatch, change.basedOn());
            OfferingFacts input = change.applyTo(OfferingFacts.of(offering));
            checkOffering(input);
            JsonNode before = log.views().offering(offering);
            input.writeTo(offering);
            offerings.flush();
            log.updated(EntryKind.OFFERING, ChangeLog.offeringKey(providerSlug, productSlug), offering.version, before,
                    log.views().offering(offering));
            return offering;
        });
    }

    public boolean deleteOffering(String providerSlug, String productSlug, Integer ifMatch) {
        Optional<Offering> offering = lockedOffering(providerSlug, productSlug);
        offering.ifPresent(o -> {
            checkMayChange(o);
            Versions.check("offering", o.version, ifMatch, null);
            offerings.delete(o);
            log.deleted(EntryKind.OFFERING, ChangeLog.offeringKey(providerSlug, productSlug));
        });
        return offering.isPresent();
    }

    /** The offering, its provider's row locked so that writes to the provider's offerings take turns. */
    private Optional<Offering> lockedOffering(String providerSlug, String productSlug) {
        return providers.findBySlugForUpdate(providerSlug)
                .flatMap(provider -> products.findBySlug(productSlug).flatMap(product -> offerings.of(provider, product)));
    }

    /** Checks the facts as a create would, writing nothing: a problem names every refused field. */
    @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = ProblemException.class)
    public void check(ProviderFacts facts) {
        checkProvider(facts);
    }

    /**
     * Writes a provider that the peer {@code node} asserts as the row mirrored from it, checked as a
     * client's write is; a slug this node holds as its own or another peer's is left as it is.
     *
     * @return whether the mirrored row was written
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public boolean mirror(String node, ProviderFacts facts, Member owner, Integer version) {
        checkProvider(facts);
        Optional<Provider> stored = providers.findBySlugForUpdate(facts.slug());
        if (stored.isPresent() && !node.equals(stored.get().originNode)) {
            return false;
        }
        Provider provider = stored.orElseGet(() -> {
            Provider mirrored = new Provider();
            mirrored.slug = facts.slug();
            mirrored.originNode = node;
            return mirrored;
        });
        provider.ownerIssuer = owner.issuer();
        provider.ownerOrg = owner.organisation();
        provider.originVersion = version;
        facts.writeTo(provider);
        if (stored.isEmpty()) {
            providers.persist(provider);
        }
        providers.flush();
        return true;
    }

    /** Removes the provider mirrored from {@code node}, with its offerings. */
    @Transactional
    public boolean unmirror(String node, String slug) {
        Optional<Provider> stored = providers.findBySlugForUpdate(slug).filter(p -> node.equals(p.originNode));
        stored.ifPresent(provider -> {
            offerings.delete("provider", provider);
            providers.delete(provider);
        });
        return stored.isPresent();
    }

    /**
     * Writes an offering that the peer {@code node} asserts, when its provider and product are
     * known here and this node has no offering of its own for them.
     *
     * @return whether the mirrored row was written
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public boolean mirrorOffering(String node, String providerSlug, String productSlug, OfferingFacts facts, Integer version) {
        checkOffering(facts);
        Optional<Provider> provider = providers.findBySlugForUpdate(providerSlug);
        Optional<Product> product = products.findBySlug(productSlug);
        if (provider.isEmpty() || product.isEmpty()) {
            throw ProblemException.conflict("The offering '" + ChangeLog.offeringKey(providerSlug, productSlug)
                    + "' names a provider or product this node does not hold.");
        }
        Optional<Offering> stored = offerings.of(provider.get(), product.get());
        if (stored.isPresent() && !node.equals(stored.get().originNode)) {
            return false;
        }
        Offering offering = stored.orElseGet(() -> {
            Offering mirrored = new Offering();
            mirrored.provider = provider.get();
            mirrored.product = product.get();
            mirrored.originNode = node;
            return mirrored;
        });
        offering.originVersion = version;
        facts.writeTo(offering);
        if (stored.isEmpty()) {
            offerings.persist(offering);
        }
        offerings.flush();
        return true;
    }

    /** Removes the offering mirrored from {@code node}. */
    @Transactional
    public boolean unmirrorOffering(String node, String providerSlug, String productSlug) {
        Optional<Offering> stored = lockedOffering(providerSlug, productSlug).filter(o -> node.equals(o.originNode));
        stored.ifPresent(offerings::delete);
        return stored.isPresent();
    }

    /** A provider, and so its offerings, changes only by its owner or a moderator. */
    private void checkMayChange(Provider provider) {
        ownership.checkMayChange("provider", provider.slug, provider.ownerIssuer, provider.ownerOrg, provider.originNode);
    }

    /** An offering is its provider's owner's; one mirrored from a peer is read-only. */
    private void checkMayChange(Offering offering) {
        Provider provider = offering.provider;
        ownership.checkMayChange("offering", ChangeLog.offeringKey(provider.slug, offering.product.slug), provider.ownerIssuer,
                provider.ownerOrg, offering.originNode != null ? offering.originNode : provider.originNode);
    }

    private ProviderCount write(Provider provider, ProviderFacts input) {
        checkProvider(input);
        JsonNode before = log.views().provider(provider);
        input.writeTo(provider);
        providers.flush();
        log.updated(EntryKind.PROVIDER, provider.slug, provider.version, before, log.views().provider(provider));
        return new ProviderCount(provider, offerings.count("provider", provider));
    }

    /** What bean validation cannot check of a provider; every refusal names its field. */
    private static void checkProvider(ProviderFacts input) {
        List<FieldError> errors = new ArrayList<>();
        country(input.country(), "country", errors);
        country(input.ultimateParentCountry(), "ultimateParent.country", errors);
        List<String> locations = input.dataLocations() == null ? List.of() : input.dataLocations();
        for (int i = 0; i < locations.size(); i++) {
            country(locations.get(i), "dataLocations[" + i + "]", errors);
        }
        decimals(input.pue(), PUE_DECIMALS, "energy.pue", errors);
        decimals(input.renewableShare(), RENEWABLE_SHARE_DECIMALS, "energy.renewableShare", errors);
        evidence(input.evidence(), Provider.EVIDENCE_FACTS, input.stated(), "provider", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** What bean validation cannot check of an offering; every refusal names its field. */
    private static void checkOffering(OfferingFacts input) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < input.countries().size(); i++) {
            country(input.countries().get(i), "countries[" + i + "]", errors);
        }
        evidence(input.evidence(), Offering.EVIDENCE_FACTS, input.stated(), "offering", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void country(String code, String field, List<FieldError> errors) {
        if (code != null && !Countries.isAssigned(code)) {
            errors.add(new FieldError(field, Countries.notAssigned(code)));
        }
    }

    private static void decimals(BigDecimal value, int max, String field, List<FieldError> errors) {
        if (value != null && value.stripTrailingZeros().scale() > max) {
            errors.add(new FieldError(field, "at most " + max + " decimals"));
        }
    }

    /** Evidence names a fact of the entry ({@code facts}) that the entry states ({@code stated}). */
    private static void evidence(Map<String, Evidence> evidence, List<String> facts, List<String> stated, String entry,
            List<FieldError> errors) {
        for (String fact : Evidences.unknownFacts(evidence, facts)) {
            errors.add(new FieldError("evidence." + fact, "not a fact of " + (entry.startsWith("o") ? "an " : "a ") + entry
                    + "; one of " + String.join(", ", facts)));
        }
        if (evidence != null) {
            evidence.keySet().stream().filter(facts::contains).filter(fact -> !stated.contains(fact)).sorted()
                    .forEach(fact -> errors.add(new FieldError("evidence." + fact,
                            "the " + entry + " states no " + fact + "; state it or leave its evidence out")));
        }
    }
}
