package eu.sovereignstack.catalog.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.sovereignstack.catalog.contract.CatalogLimits;
import eu.sovereignstack.catalog.contract.EvidenceMethod;
import eu.sovereignstack.catalog.domain.Offering;
import eu.sovereignstack.catalog.domain.PackageUrl;
import eu.sovereignstack.catalog.domain.ProductFacts;
import eu.sovereignstack.catalog.domain.Provider;
import eu.sovereignstack.common.licence.InvalidLicenceException;
import eu.sovereignstack.common.licence.LicenceExpression;
import eu.sovereignstack.common.licence.SpdxLicences;

/**
 * Turns the seed sources ({@code src/seed/*.json}, see {@code src/seed/FORMAT.md}) into the
 * Flyway migration that loads them, and checks them on the way: every entry dated and sourced,
 * every fact with evidence, every value within the API's limits, every reference resolvable.
 * Licence ids, family and openness are derived by the same rules the service applies on writes.
 * <p>
 * The migration leaves editors' work alone: an added entry whose slug an editor already created
 * is not inserted, and a V2 product an editor has changed since (its version is no longer 0)
 * keeps its facts. Updated seed products get a new version, so stale ETags are refused.
 * <p>
 * A product's {@code basedOn} (and its evidence) came after V5 was applied: V5 is generated
 * without them, exactly as before, and {@link #generateBasedOn()} generates the data part of V6,
 * which sets them on the seed products nobody has edited since V5. A product's {@code delivery}
 * (and its evidence) came after V6: V5 and V6 are generated without them, and
 * {@link #generateDelivery()} generates the data part of V7, which sets them on the seed products
 * nobody has edited since V5 or V6 changed them.
 */
final class SeedMigration {

    static final String ASSERTED_BY = "Sovereign Stack seed";
    /** Rows added by this migration start here: above the ids of V2, below those the sequences hand out. */
    private static final int FIRST_PRODUCT_ID = 201;
    private static final int FIRST_PROVIDER_ID = 101;
    private static final int FIRST_OFFERING_ID = 101;
    private static final int FIRST_ALTERNATIVE_ID = 201;
    private static final LocalDate SEEDED_ON = LocalDate.of(2026, 12, 2);
    /** The day the basedOn facts were read: no evidence of V6 is dated later. */
    private static final LocalDate BASED_ON_SEEDED_ON = LocalDate.of(2026, 12, 3);
    /** The day the delivery facts were read: no evidence of V7 is dated later. */
    private static final LocalDate DELIVERY_SEEDED_ON = LocalDate.of(2026, 12, 3);

    private final ObjectMapper json = new ObjectMapper();
    private final SpdxLicences licences = new SpdxLicences();
    private final List<String> errors = new ArrayList<>();
    private final Set<String> categories;
    private final Set<String> existingProducts;
    private final Map<String, FirstEdition> firstEdition;
    /**
     * What {@link #generate} learnt for V6 and V7: each product's kind and licence once V5 ran, and how the
     * last seed migration left its row (V5, or V6 for a product it gave a basedOn): its version, and its
     * evidence as an SQL expression.
     */
    private final Map<String, String> kinds = new LinkedHashMap<>();
    private final Map<String, String> licencesOf = new LinkedHashMap<>();
    private final Map<String, String> seededEvidence = new LinkedHashMap<>();
    private final Map<String, Integer> seededVersion = new LinkedHashMap<>();
    private final List<JsonNode> basedOnEntries = new ArrayList<>();
    private final List<JsonNode> deliveryEntries = new ArrayList<>();

    /** A product of V2: its kind and licence expression. */
    record FirstEdition(String kind, String licence) {
    }

    SeedMigration(Set<String> categories, Map<String, FirstEdition> existingProducts) {
        this.categories = categories;
        this.existingProducts = existingProducts.keySet();
        this.firstEdition = existingProducts;
    }

    /** What went wrong in the sources; the migration is valid only when this is empty. */
    List<String> errors() {
        return errors;
    }

    String generate(Path seed) throws IOException {
        List<JsonNode> enriched = list(seed.resolve("products-enriched.json"), "products");
        List<JsonNode> added = new ArrayList<>();
        List<JsonNode> relations = new ArrayList<>();
        try (var files = Files.list(seed)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("products-added-")).sorted().toList()) {
                added.addAll(list(file, "products"));
                relations.addAll(list(file, "alternatives"));
            }
        }
        firstEdition.forEach((slug, product) -> {
            kinds.put(slug, product.kind());
            licencesOf.put(slug, product.licence());
        });
        enriched = enriched.stream().map(this::withoutLaterFacts).toList();
        added = added.stream().map(this::withoutLaterFacts).toList();
        List<JsonNode> providers = list(seed.resolve("providers.json"), "providers");
        List<JsonNode> offerings = list(seed.resolve("offerings.json"), "offerings");

        Set<String> productSlugs = new LinkedHashSet<>(existingProducts);
        added.forEach(p -> {
            if (!productSlugs.add(p.path("slug").asText())) {
                errors.add("products: '" + p.path("slug").asText() + "' is added twice or already exists");
            }
        });
        Set<String> providerSlugs = new LinkedHashSet<>();
        providers.forEach(p -> providerSlugs.add(p.path("slug").asText()));

        StringBuilder sql = new StringBuilder("""
                -- Seed catalog, second edition: evidence for every fact, health, ownership, energy and key-custody
                -- facts, and the products, providers and offerings added to cover what European organisations run
                -- and where they can go. Generated from catalog-service/src/seed/*.json by SeedMigrationTest (see
                -- db/SEED.md); do not edit by hand. Entries an editor already created with the same slug are kept.

                """);
        sql.append("-- ---- The products of V2, with their evidence -------------------------------------------\n\n");
        for (JsonNode product : enriched) {
            String slug = product.path("slug").asText();
            if (!existingProducts.contains(slug)) {
                errors.add("products-enriched: '" + slug + "' is not a product of V2");
                continue;
            }
            sql.append(updateProduct(product));
        }
        sql.append("-- ---- Products added ------------------------------------------------------------------------\n\n");
        int id = FIRST_PRODUCT_ID;
        for (JsonNode product : added) {
            sql.append(insertProduct(product, id++));
        }
        sql.append("-- ---- Alternatives added -------------------------------------------------------------------\n\n");
        id = FIRST_ALTERNATIVE_ID;
        Set<String> pairs = new LinkedHashSet<>();
        for (JsonNode relation : relations) {
            String product = relation.path("product").asText();
            String replaces = relation.path("replaces").asText();
            String where = "alternatives: " + product + " -> " + replaces;
            require(productSlugs.contains(product), where + ": unknown product '" + product + "'");
            require(productSlugs.contains(replaces), where + ": unknown product '" + replaces + "'");
            require(!product.equals(replaces), where + ": a product cannot replace itself");
            require(Set.of("FULL", "PARTIAL").contains(relation.path("fit").asText()), where + ": fit must be FULL or PARTIAL");
            String notes = text(relation, "notes");
            require(notes == null || notes.length() <= CatalogLimits.NOTES, where + ": notes too long");
            if (!pairs.add(product + " " + replaces)) {
                continue;
            }
            sql.append("insert into alternative (id, product_id, replaces_id, fit, notes)\n    select ").append(id++)
                    .append(", p.id, r.id, ").append(literal(relation.path("fit").asText())).append(", ").append(literal(notes))
                    .append("\n    from product p, product r where p.slug = ").append(literal(product))
                    .append(" and r.slug = ").append(literal(replaces))
                    .append("\n    on conflict (product_id, replaces_id) do nothing;\n");
        }
        sql.append("\n-- ---- Providers -----------------------------------------------------------------------------\n\n");
        id = FIRST_PROVIDER_ID;
        for (JsonNode provider : providers) {
            sql.append(upsertProvider(provider, id++));
        }
        sql.append("-- ---- Offerings -----------------------------------------------------------------------------\n\n");
        id = FIRST_OFFERING_ID;
        Set<String> offered = new LinkedHashSet<>();
        for (JsonNode offering : offerings) {
            String provider = offering.path("provider").asText();
            String product = offering.path("product").asText();
            String where = "offerings: " + provider + "/" + product;
            require(providerSlugs.contains(provider), where + ": unknown provider");
            require(productSlugs.contains(product), where + ": unknown product");
            require(offered.add(provider + "/" + product), where + ": listed twice");
            sql.append(upsertOffering(offering, id++, where));
        }
        return sql.toString();
    }

    private String updateProduct(JsonNode p) {
        String slug = p.path("slug").asText();
        String where = "products-enriched: " + slug;
        Map<String, String> set = new LinkedHashMap<>();
        productColumns(p, where, set, false);
        if (set.isEmpty()) {
            return "";
        }
        // A new version, so that a client holding the old ETag is refused rather than undoing this.
        set.put("version", "version + 1");
        set.put("updated_at", "now()");
        StringBuilder sql = new StringBuilder("update product set\n");
        Iterator<Map.Entry<String, String>> columns = set.entrySet().iterator();
        while (columns.hasNext()) {
            Map.Entry<String, String> column = columns.next();
            sql.append("    ").append(column.getKey()).append(" = ").append(column.getValue()).append(columns.hasNext() ? ",\n" : "\n");
        }
        seededEvidence.put(slug, set.get("evidence"));
        seededVersion.put(slug, 1);
        // Only seed rows nobody has edited since V2 (version 0): an editor's facts are never overwritten.
        return sql.append("    where slug = ").append(literal(slug)).append(" and version = 0;\n").toString();
    }

    private String insertProduct(JsonNode p, int id) {
        String slug = p.path("slug").asText();
        String where = "products: " + slug;
        require(slug.matches(CatalogLimits.SLUG_PATTERN) && slug.length() <= CatalogLimits.SLUG, where + ": bad slug");
        for (String field : List.of("name", "kind", "category", "description", "steward", "licence", "governance",
                "deploymentModels", "factsAsOf")) {
            require(p.hasNonNull(field), where + ": " + field + " is required");
        }
        Map<String, String> set = new LinkedHashMap<>();
        set.put("id", Integer.toString(id));
        set.put("slug", literal(slug));
        productColumns(p, where, set, true);
        seededEvidence.put(slug, set.get("evidence"));
        seededVersion.put(slug, 0);
        return "insert into product (" + String.join(", ", set.keySet()) + ")\n    values (" + String.join(", ", set.values())
                + ")\n    on conflict (slug) do nothing;\n";
    }

    /** The columns a product entry sets; on insert, the lists it leaves out are empty. */
    private void productColumns(JsonNode p, String where, Map<String, String> set, boolean insert) {
        putText(p, "name", "name", CatalogLimits.NAME, where, set);
        if (p.has("kind")) {
            require(Set.of("SOFTWARE", "SERVICE").contains(p.path("kind").asText()), where + ": kind must be SOFTWARE or SERVICE");
            set.put("kind", literal(p.path("kind").asText()));
        }
        if (p.has("category")) {
            require(categories.contains(p.path("category").asText()), where + ": unknown category " + p.path("category"));
            set.put("category", literal(p.path("category").asText()));
        }
        putText(p, "description", "description", CatalogLimits.DESCRIPTION, where, set);
        if (p.has("steward")) {
            JsonNode steward = p.path("steward");
            require(steward.hasNonNull("name") && steward.hasNonNull("country"), where + ": steward needs name and country");
            putText(steward, "name", "steward_name", CatalogLimits.NAME, where, set);
            set.put("steward_country", country(steward.path("country").asText(), where));
            JsonNode parent = steward.path("ultimateParent");
            if (parent.isObject()) {
                require(parent.hasNonNull("name") && parent.hasNonNull("country"), where + ": ultimateParent needs name and country");
                putText(parent, "name", "ultimate_parent_name", CatalogLimits.NAME, where, set);
                set.put("ultimate_parent_country", country(parent.path("country").asText(), where));
            }
        }
        if (p.has("licence")) {
            try {
                LicenceExpression licence = licences.analyse(p.path("licence").asText());
                set.put("licence_expression", literal(licence.expression()));
                set.put("licence_ids", array(List.copyOf(licence.licenceIds())));
                set.put("licence_family", literal(licence.family().name()));
                set.put("open_source", Boolean.toString(licence.openSource()));
            } catch (InvalidLicenceException e) {
                errors.add(where + ": licence: " + e.getMessage());
            }
        }
        if (p.has("governance")) {
            require(Set.of("FOUNDATION", "COMMUNITY", "SINGLE_VENDOR", "PROPRIETARY_VENDOR").contains(p.path("governance").asText()),
                    where + ": bad governance");
            set.put("governance", literal(p.path("governance").asText()));
        }
        if (p.has("deploymentModels")) {
            List<String> models = strings(p.path("deploymentModels"));
            require(!models.isEmpty() && Set.of("SELF_HOSTED", "MANAGED", "SAAS").containsAll(models), where + ": bad deploymentModels");
            set.put("deployment_models", array(models));
        }
        if (p.has("standards")) {
            set.put("standards", array(bounded(p, "standards", CatalogLimits.STANDARDS, CatalogLimits.STANDARD, where)));
        } else if (insert) {
            set.put("standards", "null");
        }
        putList(p, "certifications", "certifications", CatalogLimits.CERTIFICATIONS, CatalogLimits.CERTIFICATION, where, set, insert);
        if (p.has("dataLocations")) {
            List<String> locations = strings(p.path("dataLocations"));
            locations.forEach(c -> country(c, where));
            set.put("data_locations", array(locations));
        } else if (insert) {
            set.put("data_locations", "'{}'");
        }
        putUrl(p, "website", "website", where, set);
        putUrl(p, "sourceRepository", "source_repository", where, set);
        if (p.has("purls")) {
            List<String> purls = new ArrayList<>();
            for (String purl : bounded(p, "purls", CatalogLimits.PURLS, CatalogLimits.PURL, where)) {
                try {
                    purls.add(PackageUrl.canonical(purl));
                } catch (IllegalArgumentException e) {
                    errors.add(where + ": purl " + purl + ": " + e.getMessage());
                }
            }
            set.put("purls", array(new ArrayList<>(new LinkedHashSet<>(purls))));
        }
        putList(p, "aliases", "aliases", CatalogLimits.ALIASES, CatalogLimits.ALIAS, where, set, false);
        JsonNode health = p.path("health");
        if (health.isObject()) {
            putText(health, "latestReleaseVersion", "latest_release_version", CatalogLimits.RELEASE_VERSION, where, set);
            if (health.hasNonNull("latestReleaseDate")) {
                set.put("latest_release_date", date(health.path("latestReleaseDate").asText(), where));
            }
            putCount(health, "releasesLast12Months", "releases_last_12_months", where, set);
            putCount(health, "contributorsLast12Months", "contributors_last_12_months", where, set);
            putCount(health, "contributingOrganisations", "contributing_organisations", where, set);
            if (health.hasNonNull("topOrganisationShare")) {
                double share = health.path("topOrganisationShare").asDouble(-1);
                require(share >= 0 && share <= 1, where + ": topOrganisationShare must be 0..1");
                set.put("top_organisation_share", String.format(java.util.Locale.ROOT, "%.3f", share));
            }
        }
        if (p.has("factsAsOf")) {
            set.put("facts_as_of", date(p.path("factsAsOf").asText(), where));
        }
        // An update states only what changes: whether the rest has evidence is checked on the loaded catalog.
        set.put("evidence", evidence(p, ProductFacts.EVIDENCE_FACTS, where, fact -> switch (fact) {
            case "health" -> stated(health.isObject(), true, insert);
            case "ultimateParent" -> stated(p.path("steward").path("ultimateParent").isObject(), true, insert);
            case "steward" -> Boolean.TRUE;
            // An empty list may carry the evidence that there is none; a non-empty one must.
            case "certifications", "dataLocations" -> p.has(fact) && p.path(fact).isEmpty() ? null
                    : stated(p.has(fact), true, insert);
            default -> stated(p.hasNonNull(fact), true, insert);
        }));
    }

    /** Whether a product entry states a fact: what it says when present, else nothing on insert, unknown on update. */
    private static Boolean stated(boolean present, boolean nonEmpty, boolean insert) {
        if (present) {
            return nonEmpty;
        }
        return insert ? Boolean.FALSE : null;
    }

    /**
     * The entry as V5 reads it, without the facts that came after V5 was applied (its basedOn, kept
     * for V6, and its delivery, kept for V7) nor their evidence; and its kind and licence as they
     * are once V5 ran.
     */
    private JsonNode withoutLaterFacts(JsonNode entry) {
        String slug = entry.path("slug").asText();
        if (entry.hasNonNull("kind")) {
            kinds.put(slug, entry.path("kind").asText());
        }
        if (entry.hasNonNull("licence")) {
            licencesOf.put(slug, entry.path("licence").asText());
        }
        ObjectNode stripped = null;
        for (var later : List.of(Map.entry("basedOn", basedOnEntries), Map.entry("delivery", deliveryEntries))) {
            String fact = later.getKey();
            boolean evidenced = entry.path("evidence").has(fact);
            if (!entry.has(fact) && !evidenced) {
                continue;
            }
            if (entry.hasNonNull(fact)) {
                later.getValue().add(entry);
            } else if (evidenced) {
                errors.add("products: " + slug + ": evidence for '" + fact + "', which it does not state");
            }
            stripped = stripped == null ? entry.deepCopy() : stripped;
            stripped.remove(fact);
            if (stripped.path("evidence") instanceof ObjectNode evidence) {
                evidence.remove(fact);
            }
        }
        return stripped == null ? entry : stripped;
    }

    /**
     * The data part of V6, after {@link #generate}: each product's basedOn with its evidence,
     * checked (a service based on another product of the seed that is open-source software), set
     * only on the rows V5 left as they are: the version V5 gave them and the evidence V5 wrote.
     */
    String generateBasedOn() {
        StringBuilder sql = new StringBuilder();
        for (JsonNode entry : basedOnEntries) {
            String slug = entry.path("slug").asText();
            String base = entry.path("basedOn").asText();
            String where = "products: " + slug + ": basedOn";
            require(base.matches(CatalogLimits.SLUG_PATTERN) && base.length() <= CatalogLimits.SLUG, where + " is not a slug");
            require("SERVICE".equals(kinds.get(slug)), where + ": only a SERVICE can be based on another product");
            require(!base.equals(slug), where + ": a product cannot be based on itself");
            require(kinds.containsKey(base), where + ": unknown product '" + base + "'");
            require(!kinds.containsKey(base) || "SOFTWARE".equals(kinds.get(base)), where + ": '" + base + "' is not SOFTWARE");
            require(!kinds.containsKey(base) || openSource(licencesOf.get(base)), where + ": '" + base + "' is not open source");
            JsonNode evidence = entry.path("evidence").path("basedOn");
            require(evidence.isObject(), where + " has no evidence");
            if (!evidence.isObject() || !seededEvidence.containsKey(slug)) {
                continue;
            }
            ObjectNode fact = json.createObjectNode();
            fact.set("basedOn", checkedEvidence(evidence, where + ": evidence", BASED_ON_SEEDED_ON));
            sql.append("update product set\n")
                    .append("    based_on = ").append(literal(base)).append(",\n")
                    .append("    evidence = evidence || ").append(literal(fact.toString())).append("::jsonb,\n")
                    .append("    version = version + 1,\n")
                    .append("    updated_at = now()\n")
                    .append("    where slug = ").append(literal(slug)).append(" and version = ").append(seededVersion.get(slug))
                    .append("\n      and evidence = ").append(seededEvidence.get(slug))
                    .append("\n      and exists (select 1 from product b where b.slug = ").append(literal(base))
                    .append(" and b.kind = 'SOFTWARE' and b.open_source);\n");
            // How V6 leaves the row, for V7 to recognise it.
            seededVersion.put(slug, seededVersion.get(slug) + 1);
            seededEvidence.put(slug, "(" + seededEvidence.get(slug) + " || " + literal(fact.toString()) + "::jsonb)");
        }
        return sql.toString();
    }

    /**
     * The data part of V7, after {@link #generateBasedOn}: each product's delivery with its evidence,
     * checked (DEVICE or SERVER, on SOFTWARE only), set only on the rows the last seed migration left
     * as they are: the version and the evidence V5, or V6 where it gave the product a basedOn, left.
     */
    String generateDelivery() {
        StringBuilder sql = new StringBuilder();
        for (JsonNode entry : deliveryEntries) {
            String slug = entry.path("slug").asText();
            String delivery = entry.path("delivery").asText();
            String where = "products: " + slug + ": delivery";
            require(Set.of("DEVICE", "SERVER").contains(delivery), where + " must be DEVICE or SERVER");
            require("SOFTWARE".equals(kinds.get(slug)), where + ": only a SOFTWARE product has a delivery");
            JsonNode evidence = entry.path("evidence").path("delivery");
            require(evidence.isObject(), where + " has no evidence");
            if (!evidence.isObject() || !seededEvidence.containsKey(slug)) {
                continue;
            }
            ObjectNode fact = json.createObjectNode();
            fact.set("delivery", checkedEvidence(evidence, where + ": evidence", DELIVERY_SEEDED_ON));
            sql.append("update product set\n")
                    .append("    delivery = ").append(literal(delivery)).append(",\n")
                    .append("    evidence = evidence || ").append(literal(fact.toString())).append("::jsonb,\n")
                    .append("    version = version + 1,\n")
                    .append("    updated_at = now()\n")
                    .append("    where slug = ").append(literal(slug)).append(" and version = ").append(seededVersion.get(slug))
                    .append(" and kind = 'SOFTWARE'")
                    .append("\n      and evidence = ").append(seededEvidence.get(slug)).append(";\n");
        }
        return sql.toString();
    }

    private boolean openSource(String licence) {
        try {
            return licence != null && licences.analyse(licence).openSource();
        } catch (InvalidLicenceException e) {
            return false;
        }
    }

    private String upsertProvider(JsonNode p, int id) {
        String slug = p.path("slug").asText();
        String where = "providers: " + slug;
        require(slug.matches(CatalogLimits.SLUG_PATTERN), where + ": bad slug");
        for (String field : List.of("name", "country", "type", "factsAsOf")) {
            require(p.hasNonNull(field), where + ": " + field + " is required");
        }
        require(Set.of("HYPERSCALER", "REGIONAL_CLOUD", "DATACENTER_OPERATOR").contains(p.path("type").asText()), where + ": bad type");
        Map<String, String> set = new LinkedHashMap<>();
        set.put("id", Integer.toString(id));
        set.put("slug", literal(slug));
        putText(p, "name", "name", CatalogLimits.NAME, where, set);
        set.put("country", country(p.path("country").asText(), where));
        set.put("type", literal(p.path("type").asText()));
        set.put("website", "null");
        putUrl(p, "website", "website", where, set);
        set.put("certifications", array(bounded(p, "certifications", CatalogLimits.CERTIFICATIONS, CatalogLimits.CERTIFICATION, where)));
        set.put("legal_name", "null");
        putText(p, "legalName", "legal_name", CatalogLimits.NAME, where, set);
        JsonNode parent = p.path("ultimateParent");
        set.put("ultimate_parent_name", "null");
        set.put("ultimate_parent_country", "null");
        if (parent.isObject()) {
            require(parent.hasNonNull("name") && parent.hasNonNull("country"), where + ": ultimateParent needs name and country");
            putText(parent, "name", "ultimate_parent_name", CatalogLimits.NAME, where, set);
            set.put("ultimate_parent_country", country(parent.path("country").asText(), where));
        }
        JsonNode energy = p.path("energy");
        set.put("pue", "null");
        set.put("renewable_share", "null");
        set.put("climate_neutral_data_centre_pact", "null");
        if (energy.hasNonNull("pue")) {
            double pue = energy.path("pue").asDouble();
            require(pue >= 1 && pue <= 5, where + ": pue must be 1..5");
            set.put("pue", String.format(java.util.Locale.ROOT, "%.2f", pue));
        }
        if (energy.hasNonNull("renewableShare")) {
            double share = energy.path("renewableShare").asDouble();
            require(share >= 0 && share <= 1, where + ": renewableShare must be 0..1");
            set.put("renewable_share", String.format(java.util.Locale.ROOT, "%.3f", share));
        }
        if (energy.hasNonNull("climateNeutralDataCentrePact")) {
            set.put("climate_neutral_data_centre_pact", Boolean.toString(energy.path("climateNeutralDataCentrePact").asBoolean()));
        }
        set.put("facts_as_of", date(p.path("factsAsOf").asText(), where));
        set.put("evidence", evidence(p, Provider.EVIDENCE_FACTS, where, fact -> switch (fact) {
            case "pue", "renewableShare", "climateNeutralDataCentrePact" -> energy.hasNonNull(fact);
            case "certifications" -> p.path("certifications").isEmpty() ? null : Boolean.TRUE;
            default -> p.hasNonNull(fact);
        }));
        return upsert("provider", set, "slug");
    }

    private String upsertOffering(JsonNode o, int id, String where) {
        for (String field : List.of("name", "countries", "factsAsOf")) {
            require(o.hasNonNull(field), where + ": " + field + " is required");
        }
        Map<String, String> set = new LinkedHashMap<>();
        set.put("id", Integer.toString(id));
        set.put("provider_id", "(select id from provider where slug = " + literal(o.path("provider").asText()) + ")");
        set.put("product_id", "(select id from product where slug = " + literal(o.path("product").asText()) + ")");
        putText(o, "name", "name", CatalogLimits.NAME, where, set);
        List<String> countries = strings(o.path("countries"));
        countries.forEach(c -> country(c, where));
        require(countries.size() <= CatalogLimits.DATA_LOCATIONS, where + ": too many countries");
        set.put("countries", array(countries));
        set.put("url", "null");
        putUrl(o, "url", "url", where, set);
        set.put("key_custody", "null");
        if (o.hasNonNull("keyCustody")) {
            require(Set.of("PROVIDER_HELD", "CUSTOMER_MANAGED", "CUSTOMER_HELD").contains(o.path("keyCustody").asText()),
                    where + ": bad keyCustody");
            set.put("key_custody", literal(o.path("keyCustody").asText()));
        }
        set.put("hsm", o.hasNonNull("hsm") ? Boolean.toString(o.path("hsm").asBoolean()) : "null");
        set.put("facts_as_of", date(o.path("factsAsOf").asText(), where));
        set.put("evidence", evidence(o, Offering.EVIDENCE_FACTS, where, fact -> switch (fact) {
            case "dataLocations" -> !countries.isEmpty();
            case "keyCustody" -> o.hasNonNull("keyCustody") || o.hasNonNull("hsm");
            default -> true;
        }));
        return upsert("offering", set, "provider_id, product_id");
    }

    private static String upsert(String table, Map<String, String> set, String key) {
        StringBuilder sql = new StringBuilder("insert into " + table + " (" + String.join(", ", set.keySet()) + ")\n    values ("
                + String.join(", ", set.values()) + ")\n    on conflict (" + key + ") do update set ");
        List<String> updates = set.keySet().stream()
                .filter(c -> !c.equals("id") && !key.contains(c))
                .map(c -> c + " = excluded." + c)
                .toList();
        return sql.append(String.join(", ", updates)).append(";\n").toString();
    }

    /**
     * The entry's evidence as a JSON literal, after checking it: the entry itself and every fact it
     * states are sourced, and nothing else is.
     */
    private String evidence(JsonNode entry, List<String> facts, String where, Function<String, Boolean> states) {
        // states: whether the entry states the fact; null when this source does not say.
        JsonNode evidence = entry.path("evidence");
        ObjectNode checked = json.createObjectNode();
        require(evidence.has("entry"), where + ": the entry itself has no evidence");
        for (String fact : facts) {
            Boolean stated = fact.equals("entry") ? Boolean.TRUE : states.apply(fact);
            if (evidence.has(fact)) {
                require(!Boolean.FALSE.equals(stated), where + ": evidence for '" + fact + "', which it does not state");
                checked.set(fact, checkedEvidence(evidence.path(fact), where + ": evidence." + fact));
            } else {
                require(!Boolean.TRUE.equals(stated), where + ": '" + fact + "' has no evidence");
            }
        }
        evidence.fieldNames().forEachRemaining(fact -> require(facts.contains(fact), where + ": evidence for unknown fact '" + fact + "'"));
        return literal(checked.toString()) + "::jsonb";
    }

    private ObjectNode checkedEvidence(JsonNode e, String where) {
        return checkedEvidence(e, where, SEEDED_ON);
    }

    private ObjectNode checkedEvidence(JsonNode e, String where, LocalDate seededOn) {
        ObjectNode out = json.createObjectNode();
        String source = text(e, "source");
        require(source != null && !source.isBlank() && source.length() <= CatalogLimits.EVIDENCE_SOURCE
                && !source.matches(".*\\p{Cntrl}.*"), where + ": source missing, too long or not one line");
        out.put("source", source);
        LocalDate asOf = null;
        try {
            asOf = LocalDate.parse(e.path("asOf").asText());
        } catch (RuntimeException ex) {
            errors.add(where + ": asOf is not a date");
        }
        require(asOf == null || !asOf.isAfter(seededOn), where + ": asOf is in the future");
        out.put("asOf", String.valueOf(asOf));
        try {
            out.put("method", EvidenceMethod.valueOf(e.path("method").asText()).name());
        } catch (IllegalArgumentException ex) {
            errors.add(where + ": method must be CURATED, IMPORTED or DERIVED");
        }
        String assertedBy = text(e, "assertedBy");
        out.put("assertedBy", assertedBy == null ? ASSERTED_BY : assertedBy);
        String excerpt = text(e, "excerpt");
        if (excerpt != null) {
            require(excerpt.length() <= CatalogLimits.EVIDENCE_EXCERPT, where + ": excerpt longer than " + CatalogLimits.EVIDENCE_EXCERPT);
            // Flyway would read it as one of its placeholders and refuse the migration.
            require(!excerpt.contains("${"), where + ": excerpt contains '${'; quote the words around it");
            out.put("excerpt", excerpt);
        }
        return out;
    }

    private List<JsonNode> list(Path file, String field) throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        json.readTree(file.toFile()).path(field).forEach(entries::add);
        return entries;
    }

    private void putText(JsonNode node, String field, String column, int max, String where, Map<String, String> set) {
        String value = text(node, field);
        if (value != null) {
            require(!value.isBlank() && value.length() <= max, where + ": " + field + " blank or longer than " + max);
            set.put(column, literal(value.trim()));
        }
    }

    private void putUrl(JsonNode node, String field, String column, String where, Map<String, String> set) {
        String url = text(node, field);
        if (url != null) {
            require(url.length() <= CatalogLimits.URL && url.matches(CatalogLimits.URL_PATTERN), where + ": " + field + " is not an http(s) URL");
            set.put(column, literal(url));
        }
    }

    private void putCount(JsonNode node, String field, String column, String where, Map<String, String> set) {
        if (node.hasNonNull(field)) {
            require(node.path(field).canConvertToInt() && node.path(field).asInt() >= 0, where + ": " + field + " must be a count");
            set.put(column, Integer.toString(node.path(field).asInt()));
        }
    }

    private void putList(JsonNode node, String field, String column, int maxItems, int maxLength, String where,
            Map<String, String> set, boolean emptyWhenAbsent) {
        if (node.has(field)) {
            set.put(column, array(bounded(node, field, maxItems, maxLength, where)));
        } else if (emptyWhenAbsent) {
            set.put(column, "'{}'");
        }
    }

    private List<String> bounded(JsonNode node, String field, int maxItems, int maxLength, String where) {
        List<String> values = strings(node.path(field)).stream().map(String::trim).distinct().toList();
        require(values.size() <= maxItems, where + ": more than " + maxItems + " " + field);
        values.forEach(v -> require(!v.isBlank() && v.length() <= maxLength && !v.matches(".*\\p{Cntrl}.*"),
                where + ": " + field + " '" + v + "' blank, longer than " + maxLength + " or not one line"));
        return values;
    }

    private String country(String code, String where) {
        require(code != null && code.matches(CatalogLimits.COUNTRY_PATTERN), where + ": '" + code + "' is not a country code");
        return literal(code);
    }

    private String date(String text, String where) {
        try {
            LocalDate date = LocalDate.parse(text);
            require(!date.isAfter(SEEDED_ON), where + ": " + text + " is in the future");
        } catch (RuntimeException e) {
            errors.add(where + ": '" + text + "' is not a date");
        }
        return "date " + literal(text);
    }

    private void require(boolean condition, String error) {
        if (!condition) {
            errors.add(error);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    static String literal(String value) {
        return value == null ? "null" : "'" + value.replace("'", "''") + "'";
    }

    private static String array(List<String> values) {
        if (values.isEmpty()) {
            return "'{}'";
        }
        return "array[" + String.join(", ", values.stream().map(SeedMigration::literal).toList()) + "]::varchar[]";
    }
}
