package eu.sovereignstack.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the repository and its Kubernetes manifests are. */
final class Repo {

    /** The overlays every test runs over, relative to the repository root. */
    static final List<String> OVERLAYS = List.of(
            "deploy/kubernetes/base",
            "deploy/kubernetes/overlays/dev",
            "deploy/kubernetes/overlays/production",
            "deploy/kubernetes/federation");

    static final String PRODUCTION = "deploy/kubernetes/overlays/production";
    static final String DEV = "deploy/kubernetes/overlays/dev";
    static final String FEDERATION = "deploy/kubernetes/federation";

    private Repo() {
    }

    /** The repository root: system property {@code deploy.repo.root} (set by the pom), else the parent of the working directory. */
    static Path root() {
        String configured = System.getProperty("deploy.repo.root");
        Path root = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent();
        root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("deploy"))) {
            throw new IllegalStateException("not the repository root (no deploy/ in it): " + root
                    + "; set -Ddeploy.repo.root");
        }
        return root;
    }

    static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
