package eu.sovereignstack.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The whole suite, started for real once per test run: a fresh Keycloak with both realms,
 * fresh databases, the packaged catalog-service, assessment-service, MCP server and gateway, and a second
 * "fault" gateway whose catalog answers too slowly and whose assessment-service is not there.
 * {@link #close()} stops every process it started (a shutdown hook does it too, should the JVM
 * be stopped first).
 */
public final class SovereignStack implements AutoCloseable {

    static final String KEYCLOAK_ADMIN = "e2e-admin";

    /** The fault gateway's settings (see GatewayConfig), so that tests can state what they expect. */
    public static final String FAULT_RESPONSE_TIMEOUT = "1s";
    public static final int FAULT_BREAKER_FAILURES = 2;
    public static final Duration FAULT_BREAKER_RESET = Duration.ofSeconds(30);
    public static final int FAULT_RATE_CAPACITY = 5;
    /**
     * How often every service reads the realms' key sets (sovereign.oidc.key-watch.interval; 30 s
     * by default): short, so that a disabled key's tokens are refused within seconds.
     */
    public static final Duration KEY_WATCH_INTERVAL = Duration.ofSeconds(2);

    private static final Duration KEYCLOAK_DEADLINE = Duration.ofSeconds(180);
    private static final Duration SERVICE_DEADLINE = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final String READY = "200";
    private static final String CATALOG_DB = "catalog_e2e";
    private static final String ASSESSMENT_DB = "assessment_e2e";
    /** How often every catalog node reads its peers' feeds in the run. */
    public static final Duration SYNC_INTERVAL = Duration.ofSeconds(1);
    private static final String PROCESSES_FILE = "processes.txt";

    private final Settings settings;
    private final List<ManagedProcess> processes = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::close, "e2e-suite-shutdown");
    private volatile boolean ownsProcessesFile;
    private SlowBackend slowBackend;
    private OtlpReceiver otlp;
    private URI keycloak;
    private int keycloakPort;
    private String keycloakAdminPassword;
    private ManagedProcess keycloakProcess;
    private Tokens tokens;
    private Api gateway;
    private Api faultGateway;
    private Api catalogApi;
    private Api assessmentApi;
    private URI mcpBase;
    private final Map<PeerNode, Integer> peerPorts = new java.util.EnumMap<>(PeerNode.class);

    private SovereignStack(Settings settings) {
        this.settings = settings;
    }

    /** Starts everything, or stops what it had started and throws, saying which part failed and why. */
    public static SovereignStack start() {
        SovereignStack stack = new SovereignStack(Settings.fromSystemProperties());
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.boot();
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    /** The gateway of the suite: the one entry point the tests use. */
    public Api gateway() {
        return gateway;
    }

    /** A second gateway in front of a catalog that answers too late and an assessment-service that is not there. */
    public Api faultGateway() {
        return faultGateway;
    }

    /** The catalog-service itself, not through a gateway (its paths without {@code /catalog}). */
    public Api catalog() {
        return catalogApi;
    }

    /** The assessment-service itself, not through a gateway. */
    public Api assessment() {
        return assessmentApi;
    }

    public Tokens tokens() {
        return tokens;
    }

    private void boot() {
        Instant begin = Instant.now();
        stopWhatAKilledRunLeftBehind();
        record(ProcessHandle.current(), "test-run");

        keycloakAdminPassword = UUID.randomUUID().toString();
        keycloakPort = freePort();
        keycloak = URI.create("http://127.0.0.1:" + keycloakPort);
        keycloakProcess = startKeycloak(keycloakPort, keycloakAdminPassword);

        // While Keycloak boots.
        Databases.recreate(settings.postgresUrl(), CATALOG_DB, ASSESSMENT_DB, PeerNode.PARTNER.database, PeerNode.PUBLIC.database);
        slowBackend = new SlowBackend();
        otlp = new OtlpReceiver();

        String issuer = keycloak + "/realms/" + User.Realm.SOVEREIGN;
        awaitOk(keycloakProcess, URI.create(issuer + "/.well-known/openid-configuration"), KEYCLOAK_DEADLINE);
        Duration keycloakReady = Duration.between(begin, Instant.now());

        int catalogPort = freePort();
        int assessmentPort = freePort();
        int mcpPort = freePort();
        int gatewayPort = freePort();
        int faultGatewayPort = freePort();
        int closedPort = freePort(); // nothing listens there
        // The suite's catalog is the node of the sovereign member; it follows the peer nodes a test starts (FederationIT).
        for (PeerNode peer : PeerNode.values()) {
            peerPorts.put(peer, freePort());
        }
        Map<String, String> oidc = Map.of(
                "sovereign.oidc.url", issuer,
                "sovereign.oidc.partner-url", keycloak + "/realms/" + User.Realm.PARTNER,
                "sovereign.oidc.key-watch.interval", KEY_WATCH_INTERVAL.toSeconds() + "s",
                // Every trace is kept and exported at once to the run's OTLP receiver (TracingIT).
                "quarkus.otel.traces.sampler.arg", "1.0",
                "quarkus.otel.exporter.otlp.endpoint", otlp.endpoint(),
                "quarkus.otel.exporter.otlp.protocol", "http/protobuf",
                "quarkus.otel.bsp.schedule.delay", "200ms");

        ManagedProcess catalog = startService("catalog-service", settings.catalogJar(), catalogPort, oidc, Map.of(
                "quarkus.datasource.jdbc.url", Databases.url(settings.postgresUrl(), CATALOG_DB),
                "catalog.federation.peers", PeerNode.PARTNER.label + "=" + local(peerPorts.get(PeerNode.PARTNER)) + "/api/v1,"
                        + PeerNode.PUBLIC.label + "=" + local(peerPorts.get(PeerNode.PUBLIC)) + "/api/v1",
                "catalog.federation.sync-interval", SYNC_INTERVAL.toSeconds() + "S"));
        ManagedProcess assessment = startService("assessment-service", settings.assessmentJar(), assessmentPort, oidc, Map.of(
                "quarkus.datasource.jdbc.url", Databases.url(settings.postgresUrl(), ASSESSMENT_DB),
                "quarkus.rest-client.catalog.url", local(catalogPort)));
        ManagedProcess mcp = startService("mcp-server", settings.mcpJar(), mcpPort, oidc, Map.of(
                "quarkus.rest-client.catalog.url", local(catalogPort),
                "quarkus.rest-client.assessment.url", local(assessmentPort),
                "mcp.public-url", local(gatewayPort)));
        ManagedProcess main = startService("gateway", settings.gatewayJar(), gatewayPort, oidc, Map.of(
                "gateway.backends.catalog.url", local(catalogPort),
                "gateway.backends.assessment.url", local(assessmentPort),
                "gateway.backends.mcp.url", local(mcpPort),
                "gateway.public-url", local(gatewayPort)));
        ManagedProcess fault = startService("fault-gateway", settings.gatewayJar(), faultGatewayPort, oidc, Map.of(
                "gateway.backends.catalog.url", local(slowBackend.port()),
                "gateway.backends.catalog.response-timeout", FAULT_RESPONSE_TIMEOUT,
                "gateway.backends.assessment.url", local(closedPort),
                "gateway.backends.assessment.breaker-failures", String.valueOf(FAULT_BREAKER_FAILURES),
                "gateway.backends.assessment.breaker-reset", FAULT_BREAKER_RESET.toSeconds() + "s",
                "gateway.rate-limit.capacity", String.valueOf(FAULT_RATE_CAPACITY),
                "gateway.rate-limit.per-minute", String.valueOf(FAULT_RATE_CAPACITY)));

        // They boot together; each is waited for with the same deadline, the gateway last since
        // its readiness includes its backends'. The fault gateway's backends are broken on purpose,
        // so it is only expected to be alive.
        Instant servicesLaunched = Instant.now();
        awaitOk(catalog, URI.create(local(catalogPort) + "/q/health/ready"), SERVICE_DEADLINE);
        awaitOk(assessment, URI.create(local(assessmentPort) + "/q/health/ready"), SERVICE_DEADLINE);
        awaitOk(mcp, URI.create(local(mcpPort) + "/q/health/ready"), SERVICE_DEADLINE);
        awaitOk(main, URI.create(local(gatewayPort) + "/q/health/ready"), SERVICE_DEADLINE);
        awaitOk(fault, URI.create(local(faultGatewayPort) + "/q/health/live"), SERVICE_DEADLINE);

        tokens = new Tokens(keycloak, keycloakAdminPassword);
        gateway = new Api(URI.create(local(gatewayPort)), tokens);
        faultGateway = new Api(URI.create(local(faultGatewayPort)), tokens);
        catalogApi = new Api(URI.create(local(catalogPort)), tokens);
        assessmentApi = new Api(URI.create(local(assessmentPort)), tokens);
        mcpBase = URI.create(local(mcpPort));
        System.out.printf("[e2e] suite up in %d s (Keycloak %d s, services %d s): gateway %s, fault gateway %s, Keycloak %s, logs %s%n",
                Duration.between(begin, Instant.now()).toSeconds(), keycloakReady.toSeconds(),
                Duration.between(servicesLaunched, Instant.now()).toSeconds(),
                gateway.base(), faultGateway.base(), keycloak, settings.logs());
    }

    /** The OTLP endpoint the suite's services export their spans to. */
    public OtlpReceiver traces() {
        return otlp;
    }

    /** The log file of one of the suite's processes (JSON lines, as in prod). */
    public Path logOf(String name) {
        return settings.logs().resolve(name + ".log");
    }

    /** Keycloak's address (its realms are below {@code /realms/}). */
    public URI keycloak() {
        return keycloak;
    }

    /**
     * Starts one more catalog-service on a free port, on the suite's catalog database, with these
     * properties on top (e.g. another {@code sovereign.oidc.url}); it is only launched, not waited
     * for. Stop it with {@link ExtraService#close()}; the suite stops it too when the run ends.
     */
    public ExtraService startExtraCatalog(String name, Map<String, String> properties) {
        return startExtra(name, settings.catalogJar(),
                Map.of("quarkus.datasource.jdbc.url", Databases.url(settings.postgresUrl(), CATALOG_DB)), properties);
    }

    /**
     * Starts one more gateway on a free port in front of the suite's catalog- and
     * assessment-service, with these properties on top; launched, not waited for, like
     * {@link #startExtraCatalog}.
     */
    public ExtraService startExtraGateway(String name, Map<String, String> properties) {
        return startExtra(name, settings.gatewayJar(), Map.of(
                "gateway.backends.catalog.url", catalogApi.base().toString(),
                "gateway.backends.assessment.url", assessmentApi.base().toString(),
                "gateway.backends.mcp.url", mcpBase.toString()), properties);
    }

    /**
     * Starts the catalog node of a peer, on its own database and its port of the run (the same
     * every time, so that its peers find it again after a restart), following the suite's
     * catalog (through the gateway) and the other peer node; launched, not waited for.
     */
    public ExtraService startPeerNode(PeerNode peer) {
        PeerNode other = peer == PeerNode.PARTNER ? PeerNode.PUBLIC : PeerNode.PARTNER;
        String issuer = tokens.issuer(peer.realm);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.datasource.jdbc.url", Databases.url(settings.postgresUrl(), peer.database));
        properties.put("sovereign.oidc.url", tokens.issuer(User.Realm.SOVEREIGN));
        properties.put("sovereign.oidc.partner-url", tokens.issuer(User.Realm.PARTNER));
        properties.put("sovereign.oidc.key-watch.interval", KEY_WATCH_INTERVAL.toSeconds() + "s");
        properties.put("catalog.node.name", peer.label);
        properties.put("catalog.node.issuer", issuer);
        properties.put("quarkus.oidc-client.auth-server-url", issuer);
        properties.put("catalog.federation.client-secret", peer.clientSecret);
        properties.put("catalog.federation.peers", "sovereign=" + gateway.base() + "/api/v1/catalog,"
                + other.label + "=" + local(peerPorts.get(other)) + "/api/v1");
        properties.put("catalog.federation.sync-interval", SYNC_INTERVAL.toSeconds() + "S");
        properties.put("catalog.federation.first-sync-after", "1S");
        return startExtra("catalog-node-" + peer.label, settings.catalogJar(), peerPorts.get(peer), Map.of(), properties);
    }

    /** The catalog nodes a test may start beside the suite's, which is the sovereign member's. */
    public enum PeerNode {
        /** The partner member's node: its own realm, its seed is the partner's. */
        PARTNER("partner", User.Realm.PARTNER, "dev-only-partner-services-secret", "catalog_e2e_partner"),
        /** A node of public reference data, run by the sovereign member. */
        PUBLIC("public", User.Realm.SOVEREIGN, "dev-only-services-secret", "catalog_e2e_public");

        public final String label;
        final String realm;
        final String clientSecret;
        final String database;

        PeerNode(String label, String realm, String clientSecret, String database) {
            this.label = label;
            this.realm = realm;
            this.clientSecret = clientSecret;
            this.database = database;
        }
    }

    /** A service of this jar on a free port: its own properties, then the test's on top. */
    private ExtraService startExtra(String name, Path jar, Map<String, String> own, Map<String, String> properties) {
        return startExtra(name, jar, freePort(), own, properties);
    }

    private ExtraService startExtra(String name, Path jar, int port, Map<String, String> own, Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>(own);
        all.putAll(properties);
        return new ExtraService(this, startService(name, jar, port, Map.of(), all), URI.create(local(port)));
    }

    /** A service a test started on top of the suite. */
    public static final class ExtraService implements AutoCloseable {

        private final SovereignStack stack;
        private final ManagedProcess process;
        private final URI base;

        private ExtraService(SovereignStack stack, ManagedProcess process, URI base) {
            this.stack = stack;
            this.process = process;
            this.base = base;
        }

        public URI base() {
            return base;
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** The end of its log, for assertion messages. */
        public String logTail(int lines) {
            return process.logTail(lines);
        }

        /** Polls {@code path} until it answers 200; fails at once if the process exits, and at the deadline. */
        public void awaitOk(String path, Duration deadline) {
            SovereignStack.awaitOk(process, base.resolve(path), deadline);
        }

        /** Its API with the suite's tokens, called directly (not through a gateway). */
        public Api api() {
            return new Api(base, stack.tokens);
        }

        @Override
        public void close() {
            ManagedProcess.stopAll(List.of(process), STOP_GRACE);
            stack.processes.remove(process);
        }
    }

    /**
     * Stops Keycloak, runs {@code whileDown}, and starts it again on the same address. Its store is
     * in memory, so it comes back with the realms imported anew and new signing keys: the tokens
     * cached before are forgotten, and new ones are signed by keys the services have not seen.
     */
    public void keycloakOutage(Runnable whileDown) {
        ManagedProcess.stopAll(List.of(keycloakProcess), STOP_GRACE);
        processes.remove(keycloakProcess);
        try {
            whileDown.run();
        } finally {
            keycloakProcess = startKeycloak(keycloakPort, keycloakAdminPassword);
            awaitOk(keycloakProcess, URI.create(tokens.issuer(User.Realm.SOVEREIGN) + "/.well-known/openid-configuration"),
                    KEYCLOAK_DEADLINE);
            tokens.forgetAll();
        }
    }

    private ManagedProcess startKeycloak(int port, String adminPassword) {
        Path home = settings.keycloakHome();
        Path imports = home.resolve("data/import");
        try {
            Files.createDirectories(imports);
            try (Stream<Path> old = Files.list(imports)) {
                for (Path file : old.filter(p -> p.toString().endsWith(".json")).toList()) {
                    Files.delete(file);
                }
            }
            for (String realm : List.of("sovereign-realm.json", "sovereign-partner-realm.json")) {
                Path source = settings.realmsDir().resolve(realm);
                if (Files.isRegularFile(source)) {
                    Files.copy(source, imports.resolve(realm));
                } else {
                    System.out.println("[e2e] WARNING: " + source + " is missing; its realm is not imported and its users get no tokens");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + imports, e);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        // A master-realm admin, only so that a test can hold a real token of an issuer no service trusts.
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", KEYCLOAK_ADMIN);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        return launch("keycloak", List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + freePort(), "--import-realm"), environment);
    }

    private ManagedProcess startService(String name, Path jar, int port, Map<String, String> oidc, Map<String, String> properties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        oidc.forEach((key, value) -> command.add("-D" + key + "=" + value));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        return launch(name, command, Map.of());
    }

    private ManagedProcess launch(String name, List<String> command, Map<String, String> environment) {
        Path log = settings.logs().resolve(name + ".log");
        ManagedProcess process = ManagedProcess.start(name, command, environment, settings.logs(), log);
        processes.add(process);
        record(process.handle(), name);
        return process;
    }

    /** Polls {@code url} until it answers 200; fails at once if the process exits, and at the deadline. */
    private static void awaitOk(ManagedProcess process, URI url, Duration deadline) {
        String lastAnswer = Poll.until(() -> probe(process, url), READY::equals, deadline);
        if (!READY.equals(lastAnswer)) {
            throw new IllegalStateException(process.name() + " not ready at " + url + " after " + deadline.toSeconds()
                    + " s (last answer: " + lastAnswer + ").\n" + process.exitReport());
        }
    }

    /** {@link #READY}, or what {@code url} answered instead; throws when the process has exited. */
    private static String probe(ManagedProcess process, URI url) {
        if (!process.isAlive()) {
            throw new IllegalStateException(process.name() + " exited during startup, before " + url + " answered.\n"
                    + process.exitReport());
        }
        try {
            HttpResponse<String> response = Api.HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? READY : response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + process.name(), e);
        }
    }

    /** Stops every process this suite started, and its descendants; safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is shutting down already.
            }
        }
        List<ManagedProcess> started = new ArrayList<>(processes);
        Collections.reverse(started);
        ManagedProcess.stopAll(started, STOP_GRACE);
        if (slowBackend != null) {
            slowBackend.close();
        }
        if (otlp != null) {
            otlp.close();
        }
        if (ownsProcessesFile) {
            try {
                Files.deleteIfExists(settings.logs().resolve(PROCESSES_FILE));
            } catch (IOException e) {
                // Only a record for the next run; it checks start times before it stops anything.
            }
        }
    }

    // ---- processes of a run that was killed before it could clean up -----------------------------------

    /**
     * Notes a process in {@code processes.txt} (the test JVM itself first), so that the next run
     * can stop it should this one be killed before it could.
     */
    private void record(ProcessHandle process, String name) {
        ownsProcessesFile = true;
        try {
            Files.writeString(settings.logs().resolve(PROCESSES_FILE), Recorded.of(process, name).line() + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops what an earlier run recorded and left running (same pid and start time only). If that
     * run's test JVM is still alive, another run is using this directory: refuse rather than stop it.
     */
    private void stopWhatAKilledRunLeftBehind() {
        Path file = settings.logs().resolve(PROCESSES_FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        List<Recorded> recorded;
        try {
            recorded = Files.readAllLines(file).stream().map(Recorded::parse).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!recorded.isEmpty() && recorded.get(0).stillRunning().isPresent()) {
            throw new IllegalStateException("another end-to-end run (" + recorded.get(0).line() + ") is still using "
                    + settings.logs() + "; let it finish first");
        }
        List<ProcessHandle> leftovers = new ArrayList<>();
        for (Recorded process : recorded) {
            process.stillRunning().ifPresent(handle -> {
                System.out.println("[e2e] stopping " + process.line() + ", left running by an earlier run");
                handle.descendants().forEach(leftovers::add);
                leftovers.add(handle);
            });
        }
        ManagedProcess.stop(leftovers, STOP_GRACE);
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of processes.txt: "pid start-instant name". */
    private record Recorded(long pid, String start, String name) {

        static Recorded of(ProcessHandle process, String name) {
            return new Recorded(process.pid(), startOf(process), name);
        }

        static Optional<Recorded> parse(String line) {
            String[] fields = line.trim().split(" ", 3);
            if (fields.length < 3 || !fields[0].matches("[0-9]+")) {
                return Optional.empty();
            }
            return Optional.of(new Recorded(Long.parseLong(fields[0]), fields[1], fields[2]));
        }

        /** The process, if it still runs and is the same one (a pid can be reused). */
        Optional<ProcessHandle> stillRunning() {
            return ProcessHandle.of(pid).filter(handle -> handle.isAlive() && startOf(handle).equals(start));
        }

        String line() {
            return pid + " " + start + " " + name;
        }

        private static String startOf(ProcessHandle process) {
            return process.info().startInstant().map(Instant::toString).orElse("unknown");
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static String local(int port) {
        return "http://127.0.0.1:" + port;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where things are; failsafe passes them as system properties (see pom.xml). */
    private record Settings(Path keycloakHome, Path realmsDir, Path catalogJar, Path assessmentJar, Path gatewayJar,
            Path mcpJar, Path logs, String postgresUrl) {

        static Settings fromSystemProperties() {
            Settings settings = new Settings(path("e2e.keycloak.home"), path("e2e.realms.dir"), path("e2e.catalog.jar"),
                    path("e2e.assessment.jar"), path("e2e.gateway.jar"), path("e2e.mcp.jar"), path("e2e.logs.dir"),
                    property("e2e.postgres.url"));
            for (Path jar : List.of(settings.catalogJar(), settings.assessmentJar(), settings.gatewayJar(), settings.mcpJar())) {
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException(jar + " is missing: package the services first "
                            + "(./mvnw -DskipTests install -pl catalog-service,assessment-service,gateway,mcp-server -am)");
                }
            }
            if (!Files.isExecutable(settings.keycloakHome().resolve("bin/kc.sh"))) {
                throw new IllegalStateException("no Keycloak in " + settings.keycloakHome()
                        + ": run through Maven (the pre-integration-test phase unpacks it)");
            }
            try {
                Files.createDirectories(settings.logs());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return settings;
        }

        private static Path path(String name) {
            return Path.of(property(name)).toAbsolutePath().normalize();
        }

        private static String property(String name) {
            String value = System.getProperty(name);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("system property " + name + " is not set; run the tests with ./mvnw verify -pl e2e-tests");
            }
            return value;
        }
    }
}
