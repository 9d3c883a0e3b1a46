package eu.sovereignstack.catalog.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import eu.sovereignstack.catalog.contract.MatchedBy;

/**
 * Recognises inventory items as catalog products, in memory. An item may carry a slug, a
 * Package URL and a name; the first rule that hits wins:
 * <ol>
 * <li>the slug equals a product's slug ({@link MatchedBy#SLUG});</li>
 * <li>the purl names one of the product's packages: type, namespace and name, ignoring case,
 *     version, qualifiers and subpath ({@link MatchedBy#PURL});</li>
 * <li>the {@linkplain #normalise normalised} name equals a product's normalised name, slug or
 *     alias ({@link MatchedBy#NAME});</li>
 * <li>the same with a leading vendor word removed from both sides ({@link MatchedBy#NAME}); when
 *     both sides had one it must name the same vendor.</li>
 * </ol>
 * When two products share a key, a product's name beats another's slug, which beats an alias;
 * among equals the candidate given first wins, so the outcome never depends on hash order.
 */
public final class ProductMatcher {

    /**
     * Leading words that name a vendor rather than a product, normalised, each with the vendor
     * it names: "Apache Kafka" and "Kafka", "AWS EC2" and "Amazon EC2" are the same product,
     * "Oracle Cloud" and "Google Cloud" are not.
     */
    public static final Map<String, String> VENDOR_WORDS = Map.ofEntries(
            Map.entry("microsoft", "microsoft"), Map.entry("ms", "microsoft"),
            Map.entry("amazon", "amazon"), Map.entry("aws", "amazon"),
            Map.entry("red hat", "red hat"), Map.entry("redhat", "red hat"),
            Map.entry("google", "google"), Map.entry("apache", "apache"), Map.entry("atlassian", "atlassian"),
            Map.entry("oracle", "oracle"), Map.entry("vmware", "vmware"), Map.entry("ibm", "ibm"),
            Map.entry("salesforce", "salesforce"), Map.entry("adobe", "adobe"), Map.entry("cisco", "cisco"),
            Map.entry("sap", "sap"), Map.entry("the", "the"));
    /** A vendor word is removed only when this much is left, so "AWS S3" does not shrink to "s3". */
    public static final int MIN_REST = 3;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** What the matcher knows of a product. */
    public record Candidate(String slug, String name, List<String> aliases, List<String> purls) {
    }

    /** The product an item was recognised as ({@code slug} null when {@link MatchedBy#NONE}). */
    public record Match(String slug, MatchedBy matchedBy) {
        public static final Match NONE = new Match(null, MatchedBy.NONE);
    }

    private final Set<String> slugs = new HashSet<>();
    private final Map<String, String> byPackage = new HashMap<>();
    private final Map<String, String> byName = new HashMap<>();
    /** By the rest of a key without its vendor word: the products it belongs to and the vendor removed (null if none). */
    private final Map<String, List<VendorKey>> byNameWithoutVendor = new HashMap<>();

    /** A normalised name split into its leading vendor (null when it has none) and the rest. */
    record VendorKey(String vendor, String rest, String slug) {
    }

    private ProductMatcher(List<Candidate> candidates) {
        for (Candidate candidate : candidates) {
            slugs.add(candidate.slug());
            for (String purl : candidate.purls()) {
                PackageUrl.packageKey(purl).ifPresent(key -> byPackage.putIfAbsent(key, candidate.slug()));
            }
        }
        List<Function<Candidate, Stream<String>>> keysByPriority = List.of(
                c -> Stream.of(c.name()), c -> Stream.of(c.slug()), c -> c.aliases().stream());
        for (Function<Candidate, Stream<String>> keys : keysByPriority) {
            for (Candidate candidate : candidates) {
                keys.apply(candidate).map(ProductMatcher::normalise).filter(key -> !key.isEmpty()).forEach(key -> {
                    byName.putIfAbsent(key, candidate.slug());
                    VendorKey split = splitVendor(key, candidate.slug());
                    byNameWithoutVendor.computeIfAbsent(split.rest(), rest -> new ArrayList<>()).add(split);
                });
            }
        }
    }

    public static ProductMatcher of(Collection<Candidate> candidates) {
        return new ProductMatcher(List.copyOf(candidates));
    }

    /** The product the item is, by the first rule that hits; {@link Match#NONE} when none does. Any argument may be null. */
    public Match match(String slug, String purl, String name) {
        if (slug != null && slugs.contains(slug.trim())) {
            return new Match(slug.trim(), MatchedBy.SLUG);
        }
        Optional<String> byPurl = PackageUrl.packageKey(purl).map(byPackage::get);
        if (byPurl.isPresent()) {
            return new Match(byPurl.get(), MatchedBy.PURL);
        }
        if (name != null) {
            String normalised = normalise(name);
            if (!normalised.isEmpty()) {
                String found = byName.get(normalised);
                if (found == null) {
                    VendorKey item = splitVendor(normalised, null);
                    found = byNameWithoutVendor.getOrDefault(item.rest(), List.of()).stream()
                            .filter(key -> item.vendor() == null || key.vendor() == null || item.vendor().equals(key.vendor()))
                            .map(VendorKey::slug)
                            .findFirst().orElse(null);
                }
                if (found != null) {
                    return new Match(found, MatchedBy.NAME);
                }
            }
        }
        return Match.NONE;
    }

    /**
     * Lowercase, without accents, every run of characters other than letters and digits
     * replaced by one space, trimmed: "Rocket.Chat" and "rocket chat", "Zoë" and "zoe" are equal.
     */
    public static String normalise(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
        String unaccented = MARKS.matcher(decomposed).replaceAll("");
        return NOT_ALPHANUMERIC.matcher(unaccented).replaceAll(" ").trim();
    }

    /** A normalised name without its leading vendor word, when at least {@link #MIN_REST} characters remain. */
    public static String withoutVendor(String normalised) {
        return splitVendor(normalised, null).rest();
    }

    private static VendorKey splitVendor(String normalised, String slug) {
        for (Map.Entry<String, String> word : VENDOR_WORDS.entrySet()) {
            if (normalised.startsWith(word.getKey() + " ")) {
                String rest = normalised.substring(word.getKey().length() + 1);
                if (rest.length() >= MIN_REST) {
                    return new VendorKey(word.getValue(), rest, slug);
                }
            }
        }
        return new VendorKey(null, normalised, slug);
    }
}
