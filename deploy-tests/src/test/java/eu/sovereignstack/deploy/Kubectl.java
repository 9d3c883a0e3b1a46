package eu.sovereignstack.deploy;


import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs kubectl (only {@code kubectl kustomize}: nothing here talks to a cluster). */
final class Kubectl {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Kubectl() {
    }

    /** The kubectl to use: system property {@code deploy.kubectl} (a path, or a name looked up on the PATH; default kubectl). */
    static Optional<Path> find() {
        String configured = System.getProperty("deploy.kubectl", "kubectl");
        if (configured.isBlank()) {
            configured = "kubectl";
        }
        if (configured.contains(File.separator)) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = System.getenv("PATH");
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, configured);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The oldest kustomize (as embedded in kubectl) that renders these overlays: components and replacements. */
    static final int MINIMUM_KUSTOMIZE_MAJOR = 5;

    /**
     * Why this kubectl cannot render the overlays, if it cannot: its embedded kustomize is older than
     * {@link #MINIMUM_KUSTOMIZE_MAJOR} (Debian's kubernetes-client 1.20, for one, embeds kustomize v2).
     */
    static Optional<String> unsuitable(Path kubectl) {
        Result result = run(List.of(kubectl.toString(), "version", "--client"), Path.of("").toAbsolutePath(), TIMEOUT);
        Matcher version = Pattern.compile("Kustomize Version: v(\\d+)").matcher(result.stdout());
        if (result.exitCode() != 0 || !version.find()) {
            return Optional.of(kubectl + " version --client names no Kustomize version (exit " + result.exitCode() + "): "
                    + result.stdout().strip() + result.stderr().strip());
        }
        int major = Integer.parseInt(version.group(1));
        return major >= MINIMUM_KUSTOMIZE_MAJOR ? Optional.empty()
                : Optional.of(kubectl + " embeds kustomize v" + major + ", older than v" + MINIMUM_KUSTOMIZE_MAJOR);
    }

    /** Renders a kustomization directory; throws with kubectl's own message when it does not render. */
    static String kustomize(Path kubectl, Path dir) {
        Result result = run(List.of(kubectl.toString(), "kustomize", dir.toString()), dir, TIMEOUT);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("kubectl kustomize " + dir + " exited " + result.exitCode() + ":\n" + result.stderr());
        }
        return result.stdout();
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs a command with a timeout; output goes through files so that a full pipe cannot block the process. */
    static Result run(List<String> command, Path workingDir, Duration timeout) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("deploy-tests-", ".out");
            err = Files.createTempFile("deploy-tests-", ".err");
            Process process = new ProcessBuilder(new ArrayList<>(command))
                    .directory(workingDir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
