package eu.sovereignstack.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A process the suite started, with its output in a log file. Stopping it stops its
 * descendants too (kc.sh starts a JVM), politely first and forcibly after a grace period.
 */
final class ManagedProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path workDir, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        try {
            Files.writeString(log, "");
            return new ManagedProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
        }
    }

    String name() {
        return name;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Why the process is not there any more, with the end of its log. */
    String exitReport() {
        String status = process.isAlive() ? "still running" : "exited with code " + process.exitValue();
        return name + " " + status + " (log: " + log + ")\n---- last lines of " + log.getFileName() + " ----\n" + logTail(60);
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size()).stream().collect(Collectors.joining("\n"));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

    /**
     * Stops the processes and everything they started: SIGTERM to all of them at once, then a
     * shared grace period, then SIGKILL for whatever is left.
     */
    static void stopAll(List<ManagedProcess> processes, Duration grace) {
        List<ProcessHandle> family = new ArrayList<>();
        for (ManagedProcess managed : processes) {
            // Descendants first, while they are still ours (an orphan is re-parented away from us).
            family.addAll(Stream.concat(managed.process.descendants(), Stream.of(managed.process.toHandle())).toList());
        }
        stop(family, grace);
    }

    /** Stops handles of processes an earlier, killed run left behind (see {@link SovereignStack}). */
    static void stop(List<ProcessHandle> handles, Duration grace) {
        List<ProcessHandle> alive = handles.stream().filter(ProcessHandle::isAlive).toList();
        alive.forEach(ProcessHandle::destroy);
        if (!awaitExit(alive, grace)) {
            alive.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            awaitExit(alive, Duration.ofSeconds(10));
        }
    }

    private static boolean awaitExit(List<ProcessHandle> handles, Duration deadline) {
        CompletableFuture<?>[] exits = handles.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }
}
