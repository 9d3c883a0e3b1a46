package eu.sovereignstack.catalog.domain;

import java.util.Locale;
import java.util.Optional;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;

/**
 * Package URLs (purl) as the catalog uses them: they name a package, never one release of it,
 * so version, qualifiers and subpath are dropped. Two purls name the same package when type,
 * namespace and name are equal ignoring case.
 */
public final class PackageUrl {

    private PackageUrl() {
    }

    /**
     * The canonical form of {@code purl} without version, qualifiers and subpath, e.g.
     * {@code pkg:maven/org.keycloak/keycloak-core@26.0.5?type=jar} becomes
     * {@code pkg:maven/org.keycloak/keycloak-core}.
     *
     * @throws IllegalArgumentException when {@code purl} is not a Package URL
     */
    public static String canonical(String purl) {
        PackageURL parsed = parse(purl);
        try {
            return new PackageURL(parsed.getType(), parsed.getNamespace(), parsed.getName(), null, null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The key two purls of the same package share ({@code type/namespace/name}, lowercase); empty when unparseable. */
    public static Optional<String> packageKey(String purl) {
        if (purl == null || purl.isBlank()) {
            return Optional.empty();
        }
        try {
            PackageURL parsed = parse(purl.trim());
            String namespace = parsed.getNamespace() == null ? "" : parsed.getNamespace();
            // Docker Hub's official images are written both with and without their "library" namespace.
            if ("docker".equals(parsed.getType()) && "library".equalsIgnoreCase(namespace)) {
                namespace = "";
            }
            return Optional.of((parsed.getType() + "/" + namespace + "/" + parsed.getName()).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static PackageURL parse(String purl) {
        try {
            return new PackageURL(purl);
        } catch (MalformedPackageURLException | RuntimeException e) {
            throw new IllegalArgumentException("is not a Package URL (pkg:type/namespace/name): " + e.getMessage(), e);
        }
    }
}
