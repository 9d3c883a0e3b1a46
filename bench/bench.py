#!/usr/bin/env python3
"""Measures the running local suite and writes a dated Markdown table to bench/results/.

bench/run starts the suite (deploy/local/start) and calls this; see bench/README.md. Parts:
  startup   each service restarted alone, several times: launch -> first successful API request,
            and its RSS right after that request
  gateway   the same catalog reads straight to the catalog-service and through the gateway, at a
            fixed arrival rate (Gatling, open model) and at saturation (wrk, closed model)
  proxy     a trivial backend (nginx serving a 1 KB JSON file) at saturation: directly, through a
            plain nginx reverse proxy, and through a second gateway process with every check on
  replicas  two gateway processes sharing their limits in Redis, the load split over both, against
            the same load on one
  tracing   the gateway's saturation throughput with tracing off, as shipped (sampling 0) and
            sampling every request to a local OTLP receiver
  scaling   generated inventories of 100, 1,000 and 10,000 items assessed through the gateway
  sbom      a generated CycloneDX SBOM of 100,000 components assessed through the gateway as a job,
            with the assessment-service restarted alone with its heap capped (512 MB), then read
            as a summary, a page, the whole result and its CSV export
RSS under load is sampled from /proc while the load runs. Only expected answers (a 2xx with the
body asked for) count; a target whose measurement saw any other answer is INVALID, never met.
"""

import argparse
import datetime
import glob
import http.client
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

import inventory
import sbom

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUN = os.path.join(REPO, ".local", "run")
LOGS = os.path.join(REPO, ".local", "logs")
RESULTS = os.path.join(REPO, "bench", "results")
GATLING = os.path.join(REPO, "bench", "gatling")
ISSUER = "http://127.0.0.1:8180/realms/sovereign"
CATALOG = "http://127.0.0.1:8081"
ASSESSMENT = "http://127.0.0.1:8082"
GATEWAY = "http://127.0.0.1:8080"

# Each service's first request: one that needs the token checked, the database and the JIT'd path.
FIRST_REQUEST = {
    "catalog-service": ("viewer", CATALOG + "/api/v1/products?size=1"),
    "assessment-service": ("assessor", ASSESSMENT + "/api/v1/assessments?size=1"),
    "gateway": ("viewer", GATEWAY + "/api/v1/catalog/products?size=1"),
}
READ_URL = "/products/keycloak"
# What an expected answer to READ_URL holds (besides a 2xx status); the catalog's and the trivial
# backend's bodies both do.
READ_EXPECT = '"slug":"keycloak"'
ANSWERS_LUA = os.path.join(REPO, "bench", "answers.lua")
OTLP_SINK = os.path.join(REPO, "bench", "otlp_sink.py")
GATEWAY_JAR = os.path.join(REPO, "gateway", "target", "quarkus-app", "quarkus-run.jar")
JAVA_OPTS_DEFAULT = "-XX:+UseSerialGC -Xms64m"  # deploy/local/start's
# Rate limits no benchmark reaches (every request comes from one user and one address), for every
# kind of caller; bench/run sets them for the launcher's services, bench.py for its own gateways.
RAISED_LIMITS = {"GATEWAY_RATE_LIMIT_" + kind: "1000000000" for kind in (
    "CAPACITY", "PER_MINUTE", "UNVERIFIED_CAPACITY", "UNVERIFIED_PER_MINUTE", "ANONYMOUS_CAPACITY", "ANONYMOUS_PER_MINUTE")}
DEFAULT_KEY_PREFIX = "sovereign:rate-limit:"
TARGETS = {
    "p99_added_ms": 3.0,
    "saturation_share": 0.70,
    "proxy_share": 0.80,
    "proxy_p99_added_ms": 3.0,
    "tracing_cost": 0.05,
    "assess_1000_s": 1.0,
    "assess_10000_s": 5.0,
    "scaling_ratio": 11.0,
    "ready_s": 3.0,
    "rss_mb": 250.0,
    "sbom_components": 100000,
    "sbom_heap_mb": 512,
}


def log(message):
    print("[bench] " + message, flush=True)


# ---- Tokens and HTTP ------------------------------------------------------------------------

class Tokens:
    """Password-grant tokens of the demo users, fetched again a minute before they expire."""

    def __init__(self):
        self.cache = {}

    def get(self, user):
        token, expires = self.cache.get(user, (None, 0))
        if time.time() < expires - 60:
            return token
        form = urllib.parse.urlencode({"grant_type": "password", "client_id": "sovereign-cli", "username": user,
                                       "password": user + "-demo"}).encode()
        with urllib.request.urlopen(ISSUER + "/protocol/openid-connect/token", form, timeout=30) as answer:
            body = json.load(answer)
        self.cache[user] = (body["access_token"], time.time() + body["expires_in"])
        return body["access_token"]


def request(method, url, token, body=None, content_type="application/json", timeout=120, extra_headers=None):
    """(status, body bytes, seconds from sending to the last byte read)."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    headers = {"Authorization": "Bearer " + token, "Accept": "application/json"}
    headers.update(extra_headers or {})
    if body is not None:
        headers["Content-Type"] = content_type
    try:
        started = time.perf_counter()
        connection.request(method, parts.path + ("?" + parts.query if parts.query else ""), body=body, headers=headers)
        answer = connection.getresponse()
        content = answer.read()
        return answer.status, content, time.perf_counter() - started
    finally:
        connection.close()


# ---- Processes ------------------------------------------------------------------------------

def pid_of(service):
    with open(os.path.join(RUN, service + ".pid")) as f:
        return int(f.read().strip())


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    raise RuntimeError("no VmRSS for pid %d" % pid)


def cpu_seconds(pid):
    """User and system CPU time the process has used, all threads (JIT compilers and GC included)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pid):
    """CPU time of a process and all its descendants (nginx's master and workers)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    parents[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    tree, total = {pid}, 0.0
    for _ in range(4):
        tree |= {child for child, parent in parents.items() if parent in tree}
    for member in tree:
        try:
            total += cpu_seconds(member)
        except OSError:
            pass
    return total


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def log_messages(path):
    """The messages of a service's log: each JSON line's "message" (prod profile), other lines as they are."""
    with open(path, errors="replace") as f:
        for line in f:
            if line.startswith("{"):
                try:
                    yield json.loads(line).get("message", "")
                    continue
                except ValueError:
                    pass
            yield line


def started_at(pid):
    """The process's start as epoch seconds, from /proc (clock ticks since boot)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = int(fields[19])  # field 22 of stat; the two before the split are pid and comm
    with open("/proc/stat") as f:
        boot = next(int(line.split()[1]) for line in f if line.startswith("btime"))
    return boot + ticks / os.sysconf("SC_CLK_TCK")


class RssSampler:
    """Highest RSS of some processes while a load runs, sampled every 200 ms."""

    def __init__(self, services):
        self.pids = {s: pid_of(s) for s in services}
        self.peak = {s: 0.0 for s in services}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        while not self.stop.wait(0.2):
            for service, pid in self.pids.items():
                self.peak[service] = max(self.peak[service], rss_mb(pid))

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


def wait_until(what, deadline_s, check, interval=0.01):
    deadline = time.time() + deadline_s
    while True:
        result = check()
        if result:
            return result
        if time.time() > deadline:
            raise RuntimeError("%s: not within %d s" % (what, deadline_s))
        time.sleep(interval)


# ---- Start-up and memory --------------------------------------------------------------------

def measure_startup(tokens, runs):
    results = {}
    for service, (user, url) in FIRST_REQUEST.items():
        token = tokens.get(user)
        samples = []
        for run in range(runs):
            old = pid_of(service)
            subprocess.run([os.path.join(REPO, "deploy/local/stop"), "--only", service], check=True, capture_output=True)
            launcher = subprocess.Popen([os.path.join(REPO, "deploy/local/start"), "--no-build"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
            pid = wait_until(service + " launched", 60, lambda: new_pid(service, old))
            launched = started_at(pid)

            def first_success():
                try:
                    status, _, _ = request("GET", url, token, timeout=5)
                    return status == 200
                except OSError:
                    return False

            wait_until(service + " answering", 120, first_success)
            ready = time.time() - launched
            rss = rss_mb(pid)
            cpu = cpu_seconds(pid)
            with open("/proc/%d/cmdline" % pid) as f:
                archive = "SharedArchiveFile" in f.read()
            if launcher.wait(timeout=180) != 0:
                raise RuntimeError("deploy/local/start failed while restarting " + service)
            samples.append({"ready_s": ready, "rss_mb": rss, "cpu_s": cpu, "archive": archive,
                            "quarkus_s": quarkus_started_in(service)})
            log("%s run %d: first request answered %.2f s after launch (%.1f s of CPU), RSS %.0f MB%s" % (
                service, run + 1, ready, cpu, rss, ", class-data archive" if archive else ""))
        results[service] = samples
    return results


def java_options(service):
    """The JVM options the service runs with now (from its command line), minus the archive's path."""
    with open("/proc/%d/cmdline" % pid_of(service)) as f:
        args = f.read().split("\0")
    options = [a for a in args[1:args.index("-jar")] if "Archive" not in a and not a.startswith("-Xshare")]
    return " ".join(options) or "(none)"


def new_pid(service, old):
    try:
        pid = pid_of(service)
    except (FileNotFoundError, ValueError):
        return None
    return pid if pid != old and os.path.exists("/proc/%d" % pid) else None


def quarkus_started_in(service):
    found = [m.group(1) for m in map(re.compile(r"started in ([0-9.]+)s").search, log_messages(os.path.join(LOGS, service + ".log"))) if m]
    return float(found[-1]) if found else None


# ---- Gateway overhead -----------------------------------------------------------------------

def gatling(tokens, rate, seconds, warmup):
    log("Gatling: %d req/s for %d s per way (after %d s of warm-up), direct then through the gateway" % (rate, seconds, warmup))
    reports_glob = os.path.join(GATLING, "target", "gatling", "*", "index.html")  # one directory per run
    before = set(glob.glob(reports_glob))
    command = [os.path.join(REPO, "mvnw"), "-B", "-q", "-f", os.path.join(GATLING, "pom.xml"), "gatling:test",
               "-Dbench.direct=" + CATALOG, "-Dbench.gateway=" + GATEWAY, "-Dbench.token=" + tokens.get("viewer"),
               "-Dbench.rate=%d" % rate, "-Dbench.seconds=%d" % seconds, "-Dbench.warmup=%d" % warmup,
               # A failed request is reported (and makes the result INVALID), not a reason to lose the report.
               "-Dgatling.failOnError=false"]
    with RssSampler(["catalog-service", "gateway"]) as rss:
        done = subprocess.run(command, capture_output=True, text=True)
    reports = sorted(os.path.dirname(index) for index in set(glob.glob(reports_glob)) - before)
    if done.returncode != 0 or not reports:
        print(done.stdout[-4000:], done.stderr[-4000:], file=sys.stderr)
        if not reports:
            raise RuntimeError("Gatling failed (exit %d) and wrote no report" % done.returncode)
        log("Gatling exited with %d; reading its report anyway" % done.returncode)
    index = os.path.join(reports[-1], "index.html")
    rows, warmup_ko = {}, 0
    for name, stats in gatling_table(index).items():
        if name.startswith("warm-up"):
            warmup_ko += int(stats["KO"])
            continue
        way, read = name.split(" ", 1)
        ok = int(stats["Total"]) - int(stats["KO"])
        rows[(read, way)] = {"requests": int(stats["Total"]), "errors": int(stats["KO"]), "p50": int(stats["50th pct"]),
                             "p90": int(stats["90th pct"]), "p99": int(stats["99th pct"]), "max": int(stats["Max"]),
                             "rps": ok / seconds}
    return {"rows": rows, "report": os.path.relpath(reports[-1], REPO), "rss": rss.peak, "warmup_ko": warmup_ko,
            "ko_messages": gatling_errors(index)}


def gatling_table(index_html):
    """Gatling's statistics table (its HTML report is the only place 3.15 writes it): {request: {column: text}}."""
    with open(index_html) as f:
        html = f.read()
    headers = {column: re.sub(r"<[^>]+>", "", text).strip()
               for column, text in re.findall(r'<th[^>]* id="(col-\d+)"[^>]*>(.*?)</th>', html, re.S)}
    table = {}
    for row in re.findall(r'<tr id="req_[^"]*".*?</tr>', html, re.S):
        name = re.search(r'class="ellipsed-name">([^<]+)<', row).group(1)
        cells = dict(re.findall(r'<td class="value [a-z]+ (col-\d+)">([^<]*)</td>', row))
        table[name] = {headers[column]: value for column, value in cells.items() if column in headers}
    return table


def gatling_errors(index_html):
    """Gatling's table of failed checks ("status.find.is(200), but actually found 429" and the like): {message: count}."""
    with open(index_html) as f:
        html = f.read()
    errors = {}
    cells = r'<td class="error-col-1[^"]*">((?:(?!</td>).)*)</td>\s*<td class="value error-col-2[^"]*">\s*(\d+)'
    for message, count in re.findall(cells, html, re.S):
        message = re.sub(r'<span class="value"[^>]*>.*?</span>', "", message)  # a hidden sort key
        errors[re.sub(r"<[^>]+>", "", message).strip()] = int(count)
    return errors


# ---- Saturation: wrk with answers counted -----------------------------------------------------

class Load:
    """One wrk run (2 threads, closed model) through bench/answers.lua: every answer counted by status, and
    as expected only a 2xx whose body holds what was asked for."""

    def __init__(self, url, token, connections, seconds, expect=READ_EXPECT, targets=None):
        env = dict(os.environ, BENCH_EXPECT=expect, BENCH_TARGETS=",".join(targets or []))
        command = ["wrk", "-t2", "-c%d" % connections, "-d%ds" % seconds, "--timeout", "5s", "-s", ANSWERS_LUA,
                   "-H", "Authorization: Bearer " + token, url]
        done = subprocess.run(command, capture_output=True, text=True, env=env)
        found = re.search(r"^bench-result (\{.*\})$", done.stdout, re.M)
        if done.returncode != 0 or not found:
            raise RuntimeError("wrk failed (exit %d): %s %s" % (done.returncode, done.stdout[-2000:], done.stderr[-2000:]))
        r = json.loads(found.group(1))
        self.requests, self.expected, self.seconds = r["requests"], r["expected"], r["seconds"]
        self.statuses = {int(k): v for k, v in r["statuses"].items()}
        self.socket_errors = {k: v for k, v in r["socket_errors"].items() if v}
        self.p50, self.p90, self.p99, self.max = r["p50"], r["p90"], r["p99"], r["max"]
        self.rps = self.expected / self.seconds  # expected answers only
        self.cpu_ms = {}
        self.fallbacks = {}

    def describe_fallbacks(self):
        return ", ".join("%s %d" % item for item in self.fallbacks.items()) if self.fallbacks else "-"

    @property
    def unexpected(self):
        """Answers and socket errors that were not what was asked for, by kind: {"429": n, "timeout": n, ...}."""
        kinds = {str(status): n for status, n in sorted(self.statuses.items()) if not 200 <= status < 300}
        other_body = self.requests - self.expected - sum(kinds.values())
        if other_body:
            kinds["2xx, another body"] = other_body
        kinds.update(("socket " + k, v) for k, v in self.socket_errors.items())
        return kinds

    @property
    def valid(self):
        return not self.unexpected

    def describe_unexpected(self):
        return ", ".join("%s: %d" % item for item in self.unexpected.items()) or "none"


FALLBACK_WARNING = "rate-limit store does not answer"


def fallback_warnings(path):
    """How often a gateway has logged that Redis did not answer and it limits callers locally meanwhile."""
    try:
        return sum(1 for message in log_messages(path) if FALLBACK_WARNING in message)
    except OSError:
        return 0


def saturate(name, url, token, args, processes, targets=None, gateway_logs=None, fresh=False):
    """Warm-up (unmeasured, but its answers checked too), then the measured run, with the CPU each process
    (and its children) used per expected answer, and how often each gateway's limits fell back from Redis to
    local buckets meanwhile (its log's warnings). A fresh JVM (fresh=True) is warmed up twice as long: its
    JIT compilers still work through the proxying path. Returns (measured Load, warm-up Load or None)."""
    warm = None
    warmup = args.saturation_warmup * (2 if fresh else 1)
    if warmup > 0:
        log("wrk: %s, %d s of warm-up" % (name, warmup))
        warm = Load(url, token, args.connections, warmup, targets=targets)
    log("wrk: %s, %d connections, %d s: %s%s" % (name, args.connections, args.saturation_seconds, url,
                                                 " split over " + ", ".join(targets) if targets else ""))
    gateway_logs = gateway_logs or {}
    warnings = {g: fallback_warnings(path) for g, path in gateway_logs.items()}
    before = {p: tree_cpu_seconds(pid) for p, pid in processes.items()}
    load = Load(url, token, args.connections, args.saturation_seconds, targets=targets)
    load.cpu_ms = {p: (tree_cpu_seconds(pid) - before[p]) * 1000.0 / max(load.expected, 1) for p, pid in processes.items()}
    load.fallbacks = {g: fallback_warnings(path) - warnings[g] for g, path in gateway_logs.items()}
    log("  %.0f expected answers/s, p50 %.2f ms, p99 %.2f ms; unexpected: %s%s%s" % (
        load.rps, load.p50, load.p99, load.describe_unexpected(),
        "; warm-up unexpected: " + warm.describe_unexpected() if warm and not warm.valid else "",
        "; Redis fallbacks: %s" % load.describe_fallbacks() if any(load.fallbacks.values()) else ""))
    return load, warm


def invalid_reason(*measured):
    """Why results built on these (name, Load, warm-up Load) measurements are INVALID, or None."""
    reasons = []
    for name, load, warm in measured:
        if not load.valid:
            reasons.append("%s: %s" % (name, load.describe_unexpected()))
        if warm is not None and not warm.valid:
            reasons.append("%s warm-up: %s" % (name, warm.describe_unexpected()))
    return "; ".join(reasons) or None


def wrk(tokens, args):
    """The catalog read straight to the catalog-service and through the launcher's gateway."""
    results = {}
    pids = {service: pid_of(service) for service in ("catalog-service", "gateway")}
    with RssSampler(list(pids)) as rss:
        for way, base in (("direct", CATALOG + "/api/v1"), ("gateway", GATEWAY + "/api/v1/catalog")):
            results[way] = saturate(way, base + READ_URL, tokens.get("viewer"), args, pids,
                                    gateway_logs={"gateway": os.path.join(LOGS, "gateway.log")} if way == "gateway" else None)
    results["rss"] = rss.peak
    return results


# ---- Reference proxy, replicas, tracing: processes of the benchmark's own -------------------

class Nginx:
    """An nginx of the benchmark's own, in the foreground, configured in a temporary directory."""

    def __init__(self, name, http_block):
        if not shutil.which("nginx"):
            raise RuntimeError("nginx is not installed (bench/run installs it: apt-get install nginx)")
        self.name, self.port = name, free_port()
        self.dir = tempfile.mkdtemp(prefix="sovereign-bench-%s-" % name)
        os.chmod(self.dir, 0o755)  # workers run as an unprivileged user when started as root
        for sub in ("html", "logs", "tmp"):
            os.makedirs(os.path.join(self.dir, sub))
            os.chmod(os.path.join(self.dir, sub), 0o755)
        temp = " ".join("%s_temp_path tmp/%s;" % (kind, kind) for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        with open(os.path.join(self.dir, "nginx.conf"), "w") as f:
            f.write("worker_processes auto;\npid logs/nginx.pid;\nerror_log logs/error.log warn;\n"
                    "events { worker_connections 4096; }\n"
                    "http {\n  %s\n%s\n}\n" % (temp, http_block.replace("PORT", str(self.port))))

    def start(self):
        self.process = subprocess.Popen(["nginx", "-p", self.dir + "/", "-c", "nginx.conf", "-e", "logs/error.log",
                                         "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        wait_until("nginx (%s) listening on %d" % (self.name, self.port), 10, lambda: port_open(self.port) or self.check())
        log("nginx (%s) on port %d, configured in %s" % (self.name, self.port, self.dir))
        return self

    def check(self):
        if self.process.poll() is not None:
            with open(os.path.join(self.dir, "logs", "error.log"), errors="replace") as f:
                raise RuntimeError("nginx (%s) exited: %s" % (self.name, f.read()[-1000:]))
        return False

    def write(self, name, content):
        path = os.path.join(self.dir, "html", name)
        with open(path, "w") as f:
            f.write(content)
        os.chmod(path, 0o644)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # graceful: workers finish, then the master exits
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


def port_open(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def product_json():
    """The trivial backend's answer to READ_URL: a product-like JSON object of 1,024 bytes."""
    head = '{"slug":"keycloak","name":"Keycloak","category":"identity","licence":"Apache-2.0","description":"'
    tail = '"}\n'
    return head + "x" * (1024 - len(head) - len(tail)) + tail


def trivial_backend():
    """nginx serving the 1 KB product at the catalog's path, and the readiness the gateway asks its backends for."""
    backend = Nginx("backend", """  access_log off;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:PORT;
    root html;
    location = /api/v1%s { default_type application/json; try_files /product.json =404; }
    location = /q/health/ready { default_type application/json; return 200 '{"status":"UP"}'; }
  }""" % READ_URL)
    backend.write("product.json", product_json())
    return backend.start()


def reference_proxy(backend_port):
    """A plain nginx reverse proxy with the gateway's catalog route, keep-alive to the backend, an access log."""
    return Nginx("proxy", """  access_log logs/access.log;
  keepalive_requests 1000000;
  upstream backend { server 127.0.0.1:%d; keepalive 64; keepalive_requests 1000000; }
  server {
    listen 127.0.0.1:PORT;
    location /api/v1/catalog/ {
      proxy_pass http://backend/api/v1/;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }""" % backend_port).start()


def launcher_java_options():
    """The JVM options of the launcher's gateway (read from its command line), else the launcher's defaults."""
    try:
        options = java_options("gateway")
        return [] if options == "(none)" else options.split()
    except OSError:
        return os.environ.get("SOVEREIGN_JAVA_OPTS", JAVA_OPTS_DEFAULT).split()


class BenchGateway:
    """A gateway process of the benchmark's own: the launcher's gateway jar, JVM options and settings (the same
    Keycloak, Redis and raised limits), on a free port, its catalog backend at backend_url."""

    def __init__(self, name, backend_url, env=None, unset=()):
        if not os.path.exists(GATEWAY_JAR):
            raise RuntimeError("%s is missing (build first)" % GATEWAY_JAR)
        self.name, self.port = name, free_port()
        self.url = "http://127.0.0.1:%d" % self.port
        environment = dict(os.environ)
        for key in unset:
            environment.pop(key, None)
        for key, value in RAISED_LIMITS.items():
            environment.setdefault(key, value)
        environment.update(QUARKUS_HTTP_PORT=str(self.port), QUARKUS_OIDC_AUTH_SERVER_URL=ISSUER,
                           GATEWAY_BACKENDS_CATALOG_URL=backend_url, **(env or {}))
        self.log_path = os.path.join(LOGS, "bench-%s.log" % name)
        with open(self.log_path, "w") as out:
            self.process = subprocess.Popen(["java"] + launcher_java_options() + ["-jar", GATEWAY_JAR], env=environment,
                                            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                            start_new_session=True)
        try:
            wait_until(name + " ready", 120, self.ready, interval=0.2)
        except BaseException:
            self.stop()
            raise
        log("%s (gateway) on port %d, pid %d, catalog backend %s%s (log: %s)" % (
            name, self.port, self.process.pid, backend_url,
            "; " + ", ".join("%s=%s" % item for item in sorted((env or {}).items())) if env else "",
            os.path.relpath(self.log_path, REPO)))

    def ready(self):
        if self.process.poll() is not None:
            raise RuntimeError("%s exited during start-up (log: %s)" % (self.name, self.log_path))
        try:
            with urllib.request.urlopen(self.url + "/q/health/ready", timeout=2) as answer:
                return answer.status == 200
        except OSError:
            return False

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class ReferenceSetup:
    """The processes the proxy, replicas and tracing parts share, stopped again at the end."""

    def __init__(self):
        self.backend = None
        self.stoppable = []

    def backend_url(self):
        if self.backend is None:
            self.backend = trivial_backend()
            self.stoppable.append(self.backend)
        return "http://127.0.0.1:%d" % self.backend.port

    def keep(self, process):
        self.stoppable.append(process)
        return process

    def close(self):
        for process in reversed(self.stoppable):
            process.stop()
        self.stoppable = []


def measure_proxy(tokens, args, setup):
    """The trivial backend directly, through nginx, and through a gateway with every check on: each way in turn."""
    backend_url = setup.backend_url()
    proxy = setup.keep(reference_proxy(setup.backend.port))
    gateway = setup.keep(BenchGateway("gateway-1", backend_url, env={"GATEWAY_RATE_LIMIT_REPLICAS": "2"}))
    processes = {"backend": setup.backend.process.pid, "nginx": proxy.process.pid, "gateway": gateway.process.pid}
    results = {"process": gateway}
    for way, url in (("direct", "http://127.0.0.1:%d/api/v1%s" % (setup.backend.port, READ_URL)),
                     ("nginx", "http://127.0.0.1:%d/api/v1/catalog%s" % (proxy.port, READ_URL)),
                     ("gateway", gateway.url + "/api/v1/catalog" + READ_URL)):
        results[way] = saturate("%s (trivial backend)" % way, url, tokens.get("viewer"), args, processes,
                                gateway_logs={"gateway": gateway.log_path} if way == "gateway" else None,
                                fresh=way == "gateway")
    return results


def redis_keys(prefix):
    done = subprocess.run(["redis-cli", "-h", "127.0.0.1", "-p", "6379", "--scan", "--pattern", prefix + "*"],
                          capture_output=True, text=True)
    return len(done.stdout.split()) if done.returncode == 0 else None


def measure_replicas(tokens, args, setup, first):
    """The same load on one gateway, then split over two that share their limits in Redis (wrk's two threads,
    one per replica)."""
    backend_url = setup.backend_url()
    if first is None:
        first = setup.keep(BenchGateway("gateway-1", backend_url, env={"GATEWAY_RATE_LIMIT_REPLICAS": "2"}))
    second = setup.keep(BenchGateway("gateway-2", backend_url, env={"GATEWAY_RATE_LIMIT_REPLICAS": "2"}))
    processes = {"gateway-1": first.process.pid, "gateway-2": second.process.pid, "backend": setup.backend.process.pid}
    token = tokens.get("viewer")
    both = ["127.0.0.1:%d" % first.port, "127.0.0.1:%d" % second.port]
    url = first.url + "/api/v1/catalog" + READ_URL
    if args.saturation_warmup > 0:
        log("wrk: both replicas, %d s of warm-up (twice the usual: gateway-2 is fresh)" % (2 * args.saturation_warmup))
        warm = Load(url, token, args.connections, 2 * args.saturation_warmup, targets=both)
    else:
        warm = None
    saved, args.saturation_warmup = args.saturation_warmup, 0
    try:
        logs = {"gateway-1": first.log_path, "gateway-2": second.log_path}
        one = saturate("one replica", url, token, args, processes, gateway_logs=logs)[0]
        two = saturate("two replicas", url, token, args, processes, targets=both, gateway_logs=logs)[0]
    finally:
        args.saturation_warmup = saved
    prefix = os.environ.get("GATEWAY_RATE_LIMIT_KEY_PREFIX", DEFAULT_KEY_PREFIX)
    return {"one": (one, warm), "two": (two, None), "keys": redis_keys(prefix), "prefix": prefix}


class OtlpSink:
    """bench/otlp_sink.py on a free port: accepts every OTLP/gRPC export, keeps nothing, counts them."""

    def __init__(self):
        self.port = free_port()
        self.process = subprocess.Popen([sys.executable, OTLP_SINK, str(self.port)], stdout=subprocess.PIPE, text=True)
        wait_until("OTLP sink listening", 10, lambda: port_open(self.port))
        self.counts = None

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            out = self.process.communicate(timeout=10)[0]
            self.counts = json.loads(out.strip().splitlines()[-1]) if out.strip() else None


TRACING = (
    ("off", "`QUARKUS_OTEL_SDK_DISABLED=true`"),
    ("as shipped", "sampling 0 (`parentbased_traceidratio`, 0.0): spans made, none exported"),
    ("every request", "`QUARKUS_OTEL_TRACES_SAMPLER_ARG=1.0`, exported over gRPC to bench/otlp_sink.py"),
    ("off again", "as the first, to show the run-to-run spread"),
)


def measure_tracing(tokens, args, setup):
    """A fresh gateway per setting (tracing is configured at start), each warmed up and measured alike."""
    backend_url = setup.backend_url()
    results = {}
    otel = [key for key in os.environ if key.startswith("QUARKUS_OTEL_")]
    for setting, _ in TRACING:
        # A token per setting: the four settings together outlast one (5 minutes).
        token = tokens.get("viewer")
        sink = None
        if setting in ("off", "off again"):
            env = {"QUARKUS_OTEL_SDK_DISABLED": "true"}
        elif setting == "as shipped":
            env = {}
        else:
            sink = OtlpSink()
            env = {"QUARKUS_OTEL_TRACES_SAMPLER_ARG": "1.0",
                   "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:%d" % sink.port}
        gateway = BenchGateway("gateway-tracing", backend_url, env=env, unset=otel)
        try:
            load, warm = saturate("tracing %s" % setting, gateway.url + "/api/v1/catalog" + READ_URL, token, args,
                                  {"gateway": gateway.process.pid}, gateway_logs={"gateway": gateway.log_path}, fresh=True)
        finally:
            gateway.stop()
            if sink:
                sink.stop()
        results[setting] = (load, warm, sink.counts if sink else None)
        if sink:
            log("  OTLP sink received %s" % sink.counts)
    return results


# ---- Assessment scaling ---------------------------------------------------------------------

def catalog_products(token):
    products, page = [], 0
    while True:
        status, body, _ = request("GET", GATEWAY + "/api/v1/catalog/products?size=100&page=%d" % page, token)
        if status != 200:
            raise RuntimeError("listing the catalog: %d %s" % (status, body[:200]))
        data = json.loads(body)
        products += data["items"]
        page += 1
        if page >= data["totalPages"]:
            return products


def measure_scaling(tokens, sizes, runs, warmups):
    products = catalog_products(tokens.get("assessor"))
    results = {}
    with RssSampler(["assessment-service", "catalog-service", "gateway"]) as rss:
        for size in sizes:
            body = json.dumps(inventory.generate(size, products)).encode()
            times, ids, size_out = [], [], 0
            for attempt in range(warmups + runs):
                status, answer, seconds = request("POST", GATEWAY + "/api/v1/assessments", tokens.get("assessor"), body)
                if status != 201:
                    raise RuntimeError("assessing %d items: %d %s" % (size, status, answer[:300]))
                if attempt >= warmups:
                    times.append(seconds)
                    ids.append(json.loads(answer)["id"])
                    size_out = len(answer)
            phases = phase_timings(ids)
            results[size] = {"times": times, "phases": phases, "request_mb": len(body) / 1e6, "response_mb": size_out / 1e6}
            log("%d items: median %.3f s over %d runs (%s)" % (size, statistics.median(times), runs,
                                                                 ", ".join("%.3f" % t for t in times)))
        largest = max(sizes)
        results["async"] = measure_async(tokens, json.dumps(inventory.generate(largest, products)).encode(), largest, runs)
    results["rss"] = rss.peak
    return results


def measure_async(tokens, body, size, runs):
    """The largest inventory as a job: the 202's own time, and the time from sending to the assessment answering 200
    (polled every 50 ms as a client following Location would), then the summary and one page of items instead of the
    whole body."""
    accepted, done, summary_s, page_s = [], [], [], []
    for _ in range(runs):
        started = time.monotonic()
        status, answer, seconds = request("POST", GATEWAY + "/api/v1/assessments", tokens.get("assessor"), body,
                                          extra_headers={"Prefer": "respond-async"})
        if status != 202:
            raise RuntimeError("queuing %d items: %d %s" % (size, status, answer[:300]))
        accepted.append(seconds)
        id = json.loads(answer)["id"]
        while True:
            status, answer, _ = request("GET", GATEWAY + "/api/v1/assessments/%s/status" % id, tokens.get("assessor"))
            state = json.loads(answer).get("state") if status == 200 else None
            if state == "done":
                break
            if state not in ("queued", "running"):
                raise RuntimeError("job %s: %d %s" % (id, status, answer[:300]))
            time.sleep(0.05)
        done.append(time.monotonic() - started)
        _, _, seconds = request("GET", GATEWAY + "/api/v1/assessments/%s/summary" % id, tokens.get("assessor"))
        summary_s.append(seconds)
        _, _, seconds = request("GET", GATEWAY + "/api/v1/assessments/%s/items?size=100" % id, tokens.get("assessor"))
        page_s.append(seconds)
    log("%d items as a job: 202 in %.3f s, done after %.3f s (medians of %d)" % (
        size, statistics.median(accepted), statistics.median(done), runs))
    return {"size": size, "accepted": accepted, "done": done, "summary": summary_s, "page": page_s}


def phase_timings(ids):
    """Median resolve/assess/store milliseconds of these assessments, from the assessment-service's log."""
    line = re.compile(r"assessment (\S+): \d+ items; resolve (\d+) ms, assess (\d+) ms, store (\d+) ms")
    logged = {}
    for message in log_messages(os.path.join(LOGS, "assessment-service.log")):
        found = line.search(message)
        if found:
            logged[found.group(1)] = found.groups()[1:]
    phases = {"resolve": [], "assess": [], "store": []}
    for id in ids:
        found = logged.get(id)
        if found:
            for name, value in zip(phases, found):
                phases[name].append(int(value))
    return {name: statistics.median(values) if values else None for name, values in phases.items()}


# ---- A large SBOM under a heap cap ----------------------------------------------------------

def restart_assessment_service(java_options):
    """The assessment-service alone stopped and started again with these JVM options; the others keep running."""
    old = pid_of("assessment-service")
    subprocess.run([os.path.join(REPO, "deploy/local/stop"), "--only", "assessment-service"], check=True, capture_output=True)
    environment = dict(os.environ, SOVEREIGN_JAVA_OPTS=java_options)
    subprocess.run([os.path.join(REPO, "deploy/local/start"), "--no-build"], check=True, env=environment,
                   stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, timeout=300)
    wait_until("assessment-service restarted", 120, lambda: new_pid("assessment-service", old))


def fetch_streamed(url, token, accept):
    """(status, bytes received, seconds to the last byte), reading the body in chunks without keeping it."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=600)
    try:
        started = time.perf_counter()
        connection.request("GET", parts.path + ("?" + parts.query if parts.query else ""),
                           headers={"Authorization": "Bearer " + token, "Accept": accept})
        answer = connection.getresponse()
        received = 0
        while True:
            chunk = answer.read(1 << 20)
            if not chunk:
                break
            received += len(chunk)
        return answer.status, received, time.perf_counter() - started
    finally:
        connection.close()


def gc_heap(path):
    """(highest heap occupancy seen before a collection, highest left after a full collection: the most the service held
    live), in MB, from a -Xlog:gc file."""
    before, after = 0, 0
    with open(path) as f:
        for found in re.finditer(r"Pause (\w+) .*?(\d+)M->(\d+)M\((\d+)M\)", f.read()):
            before = max(before, int(found.group(2)))
            if found.group(1) == "Full":
                after = max(after, int(found.group(3)))
    return before, after


def measure_sbom(tokens, components, heap_mb):
    """A generated SBOM of `components` components assessed through the gateway (a job: it is above every size assessed in
    its request) by an assessment-service whose heap is capped at `heap_mb`: time to the 202 and to done, the peak RSS and
    heap (GC log), then its summary, a page of 100 items, the whole result (streamed) and its items.csv."""
    products = catalog_products(tokens.get("assessor"))
    body = json.dumps(sbom.generate(components, products), separators=(",", ":")).encode()
    gc_log = os.path.join(LOGS, "bench-assessment-service-gc.log")
    if os.path.exists(gc_log):
        os.remove(gc_log)
    options = "%s -Xmx%dm -Xlog:gc:file=%s" % (JAVA_OPTS_DEFAULT, heap_mb, gc_log)
    log("restarting the assessment-service alone with %s" % options)
    restart_assessment_service(options)
    result = {"components": components, "request_mb": len(body) / 1e6, "options": options, "heap_mb": heap_mb}
    try:
        with RssSampler(["assessment-service"]) as rss:
            started = time.monotonic()
            status, answer, seconds = request("POST", GATEWAY + "/api/v1/assessments/sbom?name=Large+product", tokens.get("assessor"),
                                              body, content_type="application/vnd.cyclonedx+json", timeout=600)
            if status != 202:
                raise RuntimeError("submitting the SBOM: %d %s" % (status, answer[:300]))
            result["accepted_s"] = seconds
            id = json.loads(answer)["id"]
            phases = {}
            while True:
                status, answer, _ = request("GET", GATEWAY + "/api/v1/assessments/%s/status" % id, tokens.get("assessor"))
                job = json.loads(answer) if status == 200 else {}
                state = job.get("state")
                if state == "running" and job.get("phase") not in phases:
                    phases[job.get("phase")] = time.monotonic() - started
                if state not in ("queued", "running"):
                    break
                time.sleep(0.25)
            result["done_s"] = time.monotonic() - started
            result["state"] = state
            result["phases_seen"] = phases
            if state != "done":
                result["problem"] = job.get("problem") or answer.decode(errors="replace")[:500]
                log("the SBOM job ended %s: %s" % (state, result["problem"]))
                return result
            result["id"] = id
            reads = {}
            for name, path, accept in (("summary", "/summary", "application/json"),
                                       ("page of 100 items", "/items?size=100", "application/json"),
                                       ("whole result", "", "application/json"),
                                       ("items.csv", "/items.csv", "text/csv")):
                status, received, seconds = fetch_streamed(GATEWAY + "/api/v1/assessments/%s%s" % (id, path),
                                                           tokens.get("assessor"), accept)
                if status != 200:
                    raise RuntimeError("reading the %s: %d" % (name, status))
                reads[name] = (seconds, received / 1e6)
            result["reads"] = reads
        result["rss_mb"] = rss.peak["assessment-service"]
        result["heap_before_gc_mb"], result["heap_after_gc_mb"] = gc_heap(gc_log)
        result["log_phases"] = phase_timings([id])
        log("%d components: 202 in %.2f s, done after %.1f s, peak RSS %.0f MB, heap at most %d MB before a collection and %d MB "
            "live after a full one" % (components, result["accepted_s"], result["done_s"], result["rss_mb"], result["heap_before_gc_mb"],
                            result["heap_after_gc_mb"]))
        return result
    finally:
        log("restarting the assessment-service with its usual options")
        restart_assessment_service(os.environ.get("SOVEREIGN_JAVA_OPTS", JAVA_OPTS_DEFAULT))


# ---- Report ---------------------------------------------------------------------------------

def machine():
    with open("/proc/cpuinfo") as f:
        model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "unknown")
    with open("/proc/meminfo") as f:
        memory = int(next(line.split()[1] for line in f if line.startswith("MemTotal"))) / 1024 / 1024
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    commit = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return "%d cores (%s), %.0f GiB, %s, %s; commit %s%s" % (os.cpu_count(), model, memory, platform.platform(terse=True),
                                                            java, commit, " with local changes" if dirty else "")


def verdict(ok, invalid=None, inconclusive=None):
    """A target measured on any unexpected answer is INVALID: neither met nor missed. One whose measurement
    varies more than the target between two identical runs is inconclusive."""
    if invalid:
        return "**INVALID** (unexpected answers: %s)" % invalid
    if inconclusive:
        return "**inconclusive** (%s)" % inconclusive
    return "met" if ok else "**missed**"


def load_table(rows, processes):
    """A Markdown table of wrk measurements: [(way, Load, warm-up Load or None)]; CPU per answer for processes."""
    lines = ["| way | answers | expected | expected req/s | p50 ms | p90 ms | p99 ms | max ms | unexpected (status or socket error: count) | "
             "Redis fallbacks | " + " | ".join("%s CPU ms/req" % p for p in processes) + " |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---|---|" + "---:|" * len(processes)]
    for way, load, warm in rows:
        unexpected = load.describe_unexpected()
        if warm is not None and not warm.valid:
            unexpected += "; warm-up: " + warm.describe_unexpected()
        lines.append("| %s | %d | %d | %.0f | %.2f | %.2f | %.2f | %.1f | %s | %s | %s |" % (
            way, load.requests, load.expected, load.rps, load.p50, load.p90, load.p99, load.max, unexpected,
            load.describe_fallbacks(),
            " | ".join("%.3f" % load.cpu_ms[p] if p in load.cpu_ms else "-" for p in processes)))
    return lines


WRK_NOTE = ("Expected answers only count as throughput: a 2xx whose body holds `%s`; every other answer is listed by status, "
            "with wrk's socket errors (connect, read, write, timeout after 5 s); any of them, in the warm-up too, makes the "
            "targets measured on it INVALID. Redis fallbacks: how often each gateway logged, during the measured run, that "
            "Redis did not answer in time and it limits callers locally for a second (the answers stay valid; the limits "
            "were not all shared meanwhile). CPU per request is the process's (nginx: master and workers) user and system time "
            "over the measured run, from /proc, divided by the expected answers." % READ_EXPECT)


def report(args, startup, gw, sat, scaling, proxy=None, replicas=None, tracing=None, large_sbom=None):
    now = datetime.datetime.now(datetime.timezone.utc)
    lines = ["# Benchmark %s" % now.strftime("%Y-%m-%d %H:%M UTC"), "",
             "Machine: " + machine() + ".", "",
             "Written by `bench/run` (see bench/README.md). Medians unless stated; everything ran on this one machine, "
             "load generators included.", ""]
    overrides = sorted("`%s=%s`" % (name, value) for name, value in os.environ.items()
                       if name.startswith(("SOVEREIGN_", "QUARKUS_", "GATEWAY_")))
    if overrides:
        lines += ["Settings changed for this run: " + ", ".join(overrides) + ".", ""]
    header_length = len(lines)
    targets = []
    wrk_parts = [part for part in (sat, proxy, replicas, tracing) if part]
    wrk_command = "`wrk -t2 -c%d -d%ds` after %d s of warm-up per way, `GET .../products/keycloak` with the viewer's token" % (
        args.connections, args.saturation_seconds, args.saturation_warmup)

    if gw:
        rows = gw["rows"]
        ko = sum(r["errors"] for r in rows.values()) + gw["warmup_ko"]
        gw_invalid = None
        if ko:
            gw_invalid = "; ".join("%s: %d" % item for item in gw["ko_messages"].items()) or "%d failed requests" % ko
        lines += ["## Gateway overhead at %d req/s (Gatling, open model)" % args.rate, "",
                  "%d s per way after %d s of warm-up; half searches (`GET /products?q=cloud&size=20`), half product reads "
                  "(`GET /products/keycloak`). Report: `%s`. A request counts as OK only when answered 200; req/s counts "
                  "OK answers only." % (args.seconds, args.warmup, gw["report"]), "",
                  "| read | way | requests | failed (KO) | p50 ms | p90 ms | p99 ms | max ms | OK req/s (measured phase) |",
                  "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
        for read in ("search", "read"):
            for way in ("direct", "gateway"):
                r = rows.get((read, way))
                if r:
                    lines.append("| %s | %s | %d | %d | %d | %d | %d | %d | %.1f |" % (
                        read, way, r["requests"], r["errors"], r["p50"], r["p90"], r["p99"], r["max"], r["rps"]))
        lines.append("")
        lines.append("Failed requests: %d measured, %d in the warm-up%s." % (
            ko - gw["warmup_ko"], gw["warmup_ko"],
            "; by Gatling's check: " + "; ".join("%s: %d" % item for item in gw["ko_messages"].items()) if gw["ko_messages"] else ""))
        lines.append("")
        for read in ("search", "read"):
            d, g = rows.get((read, "direct")), rows.get((read, "gateway"))
            if d and g:
                added = g["p99"] - d["p99"]
                lines.append("- %s: the gateway adds %d ms at p50 and %d ms at p99 (gateway/direct p99 ratio %.2f)." % (
                    read, g["p50"] - d["p50"], added, g["p99"] / max(d["p99"], 1)))
                targets.append(("Gateway adds at most %.0f ms at p99 at %d req/s (%s)" % (TARGETS["p99_added_ms"], args.rate, read),
                                "%d ms" % added, added <= TARGETS["p99_added_ms"], gw_invalid))
        lines += ["", "Gatling reports whole milliseconds.", ""]

    if wrk_parts:
        lines += ["## Saturation (wrk, closed model)", "",
                  "Each part below: %s; wrk shares the two cores with everything it measures. %s" % (wrk_command, WRK_NOTE), ""]

    if sat:
        (d, dw), (g, gw_) = sat["direct"], sat["gateway"]
        share = g.rps / d.rps if d.rps else 0.0
        invalid = invalid_reason(("direct", d, dw), ("gateway", g, gw_))
        lines += ["### Catalog read: direct and through the gateway", ""]
        lines += load_table([("catalog directly", d, dw), ("through the gateway", g, gw_)], ["catalog-service", "gateway"])
        lines += ["", "Gateway throughput is %.0f %% of direct (expected answers)." % (share * 100), ""]
        targets.append(("Saturation throughput through the gateway at least %.0f %% of direct" % (TARGETS["saturation_share"] * 100),
                        "%.0f %%" % (share * 100), share >= TARGETS["saturation_share"], invalid))

    if proxy:
        (d, dw), (n, nw), (g, gw_) = proxy["direct"], proxy["nginx"], proxy["gateway"]
        invalid = invalid_reason(("direct", d, dw), ("nginx", n, nw), ("gateway", g, gw_))
        share = g.rps / n.rps if n.rps else 0.0
        added = g.p99 - n.p99
        lines += ["### Reference proxy: the gateway against a plain nginx, on one trivial backend", "",
                  "The backend is nginx (%s) serving a 1,024-byte JSON file at the catalog's path. The reference proxy is nginx %s "
                  "with the gateway's catalog route, keep-alive connections to the backend and an access log. The gateway is a "
                  "second gateway process (the launcher's jar, JVM options and settings: token verification with the same "
                  "Keycloak, rate limits in Redis, metrics, tracing as shipped, access log) whose catalog backend is the trivial "
                  "one; being a fresh JVM, it is warmed up twice as long." % (nginx_version(), nginx_version()), ""]
        lines += load_table([("backend directly", d, dw), ("nginx -> backend", n, nw), ("gateway -> backend", g, gw_)],
                            ["backend", "nginx", "gateway"])
        lines += ["", "The gateway answers %.0f %% of nginx's requests per second (%.0f %% of the backend's directly); its p99 is "
                  "%+.2f ms against nginx's." % (share * 100, g.rps / d.rps * 100 if d.rps else 0, added), ""]
        targets.append(("Gateway at least %.0f %% of a plain nginx's requests per second (trivial backend)" % (TARGETS["proxy_share"] * 100),
                        "%.0f %%" % (share * 100), share >= TARGETS["proxy_share"], invalid))
        targets.append(("Gateway p99 within %.0f ms of nginx's (trivial backend, saturation)" % TARGETS["proxy_p99_added_ms"],
                        "%+.2f ms" % added, added <= TARGETS["proxy_p99_added_ms"], invalid))

    if replicas:
        (one, warm), (two, _) = replicas["one"], replicas["two"]
        invalid = invalid_reason(("one replica", one, warm), ("two replicas", two, None))
        lines += ["### Two gateway replicas sharing their limits in Redis", "",
                  "Two gateway processes (as in the reference proxy part, `GATEWAY_RATE_LIMIT_REPLICAS=2`) on the trivial "
                  "backend. The same wrk load on one of them, then split over both: each wrk thread and its %d connections "
                  "to one replica. Both were warmed up by the split load first (twice the usual warm-up). Keys under this run's prefix `%s` in Redis "
                  "afterwards: %s." % (args.connections // 2, replicas["prefix"],
                                      "unknown (redis-cli failed)" if replicas["keys"] is None else replicas["keys"]), ""]
        lines += load_table([("one replica", one, warm), ("split over two", two, None)], ["gateway-1", "gateway-2", "backend"])
        lines += ["", "Two replicas: %.0f %% of one replica's requests per second, p99 %+.2f ms. On two cores a second "
                  "replica adds no CPU: this shows what sharing the limits costs, not how replicas scale." % (
                      two.rps / one.rps * 100 if one.rps else 0, two.p99 - one.p99), ""]
        if invalid:
            lines += ["Not comparable: unexpected answers (%s)." % invalid, ""]

    if tracing:
        base, _, _ = tracing["off"]
        again = tracing["off again"][0]
        lines += ["### Cost of tracing in the gateway", "",
                  "A fresh gateway process per setting (as in the reference proxy part, on the trivial backend), in this "
                  "order, each warmed up alike (twice the usual warm-up, as every fresh gateway). Metrics stay on in all of them: Micrometer is fixed at build time "
                  "(`quarkus.micrometer.enabled` and its binders cannot be changed at run time).", ""]
        rows = []
        for setting, description in TRACING:
            load, warm, _ = tracing[setting]
            rows.append(("%s: %s" % (setting, description), load, warm))
        lines += load_table(rows, ["gateway"])
        spread = abs(again.rps - base.rps) / base.rps if base.rps else 0.0
        lines += [""]
        for setting in ("as shipped", "every request"):
            load, warm, counts = tracing[setting]
            cost = 1 - load.rps / base.rps if base.rps else 0.0
            invalid = invalid_reason(("off", base, tracing["off"][1]), (setting, load, warm),
                                     ("off again", again, tracing["off again"][1]))
            note = ""
            if counts is not None:
                note = "; the sink answered %d exports, %d bytes" % (counts["exports"], counts["bytes"])
                if not counts["exports"]:
                    invalid = (invalid + "; " if invalid else "") + "no span reached the OTLP sink"
            lines.append("- %s: costs %.1f %% of the requests per second with tracing off (negative: answered more), p99 "
                         "%+.2f ms%s." % (setting, cost * 100, load.p99 - base.p99, note))
            noisy = None
            if spread >= TARGETS["tracing_cost"]:
                noisy = "the two runs with tracing off differ by %.1f %%, more than the target" % (spread * 100)
            targets.append(("Tracing %s costs under %.0f %% of the gateway's saturation throughput" % (setting, TARGETS["tracing_cost"] * 100),
                            "%.1f %% (spread of the two off runs: %.1f %%)" % (cost * 100, spread * 100),
                            cost < TARGETS["tracing_cost"], invalid, noisy))
        lines += ["", "The two runs with tracing off differ by %.1f %%: a cost below that is within this machine's noise." % (spread * 100), ""]

    if scaling:
        lines += ["## Assessment scaling (through the gateway)", "",
                  "Generated inventories (bench/inventory.py, seed 42): catalog products by name and by slug, SBOM-style "
                  "libraries with Package URLs and licences, and the organisation's own applications; each item depends on up to "
                  "three earlier ones. %d unmeasured runs per size first. Phases are the assessment-service's own log." % args.warmups, "",
                  "| items | runs | median s | min s | max s | ms per item | resolve ms | assess ms | store ms | request MB | response MB |",
                  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        medians = {}
        for size in args.sizes:
            r = scaling[size]
            m = statistics.median(r["times"])
            medians[size] = m
            p = r["phases"]
            lines.append("| %d | %d | %.3f | %.3f | %.3f | %.2f | %s | %s | %s | %.1f | %.1f |" % (
                size, len(r["times"]), m, min(r["times"]), max(r["times"]), m * 1000 / size,
                p["resolve"], p["assess"], p["store"], r["request_mb"], r["response_mb"]))
        lines.append("")
        if 1000 in medians:
            targets.append(("1,000 items assessed in under %.0f s" % TARGETS["assess_1000_s"], "%.3f s" % medians[1000],
                            medians[1000] < TARGETS["assess_1000_s"]))
        if 10000 in medians:
            targets.append(("10,000 items assessed in under %.0f s" % TARGETS["assess_10000_s"], "%.3f s" % medians[10000],
                            medians[10000] < TARGETS["assess_10000_s"]))
        job = scaling.get("async")
        if job:
            done = statistics.median(job["done"])
            lines += ["The largest inventory (%d items) once more as a job (`Prefer: respond-async`, %d runs): the 202 came after "
                      "%.3f s (median), the assessment was done after %.3f s (polled every 50 ms), against %.3f s answered in "
                      "the request; then its summary took %.3f s and a page of 100 items %.3f s, against the whole %.1f MB body." % (
                          job["size"], len(job["done"]), statistics.median(job["accepted"]), done,
                          medians.get(job["size"], float("nan")), statistics.median(job["summary"]),
                          statistics.median(job["page"]), scaling[job["size"]]["response_mb"]), ""]
        if 1000 in medians and 10000 in medians:
            ratio = medians[10000] / medians[1000]
            lines += ["10,000/1,000 time ratio: %.2f." % ratio, ""]
            targets.append(("10,000/1,000 time ratio at most %.0f" % TARGETS["scaling_ratio"], "%.2f" % ratio,
                            ratio <= TARGETS["scaling_ratio"]))

    if large_sbom:
        r = large_sbom
        lines += ["## A CycloneDX SBOM of %s components, the heap capped at %d MB" % ("{:,}".format(r["components"]), r["heap_mb"]), "",
                  "bench/sbom.py (seed 42): libraries across Maven, npm, PyPI and Go with licences and hashes, %.1f MB of JSON, a few "
                  "percent of them packages the catalog knows; each depends on up to three listed before it. The assessment-service "
                  "was restarted alone with `%s`, and the SBOM posted through the gateway to `/api/v1/assessments/sbom`: above every "
                  "size assessed in its request, it runs as a job." % (r["request_mb"], r["options"]), ""]
        if r.get("state") != "done":
            lines += ["The job ended **%s**: %s" % (r.get("state"), r.get("problem")), ""]
        else:
            p = r["log_phases"]
            lines += ["| 202 after s | done after s | resolve ms | assess ms | store ms | peak RSS MB | heap before a GC, max MB | "
                      "live after a full GC, max MB |", "|---:|---:|---:|---:|---:|---:|---:|---:|",
                      "| %.2f | %.1f | %s | %s | %s | %.0f | %d | %d |" % (
                          r["accepted_s"], r["done_s"], p["resolve"], p["assess"], p["store"], r["rss_mb"], r["heap_before_gc_mb"],
                          r["heap_after_gc_mb"]), "",
                      "| read | s | MB |", "|---|---:|---:|"]
            lines += ["| %s | %.2f | %.1f |" % (name, seconds, mb) for name, (seconds, mb) in r["reads"].items()]
            lines.append("")
        targets.append(("A %s-component SBOM assessed with the heap capped at %d MB" % ("{:,}".format(r["components"]), r["heap_mb"]),
                        "%s after %.0f s" % (r.get("state"), r.get("done_s", 0)), r.get("state") == "done"))

    if startup:
        lines += ["## Start-up and memory (JVM mode, as deploy/local/start runs them)", "",
                  "Each service restarted alone %d times while the others run: from the process's start (/proc) to the first "
                  "successful authenticated API request, and RSS right after it. Quarkus' own \"started in\" for comparison." % args.startup_runs, "",
                  "| service | ready s (median) | ready s (range) | CPU s to ready | Quarkus started in s | RSS after first request MB | RSS under load MB (peak) | class-data archive | JVM options |",
                  "|---|---:|---:|---:|---:|---:|---:|---|---|"]
        for service, samples in startup.items():
            ready = [s["ready_s"] for s in samples]
            rss = [s["rss_mb"] for s in samples]
            quarkus = [s["quarkus_s"] for s in samples if s["quarkus_s"] is not None]
            loaded = max([r["rss"].get(service, 0) for r in (gw, sat, scaling) if r and "rss" in r] or [0])
            archives = sum(1 for s in samples if s["archive"])
            lines.append("| %s | %.2f | %.2f-%.2f | %.1f | %s | %.0f | %s | %s | `%s` |" % (
                service, statistics.median(ready), min(ready), max(ready), statistics.median(s["cpu_s"] for s in samples),
                "%.2f" % statistics.median(quarkus) if quarkus else "-", statistics.median(rss),
                "%.0f" % loaded if loaded else "-", "%d of %d runs" % (archives, len(samples)),
                java_options(service)))
            targets.append(("%s ready in under %.0f s" % (service, TARGETS["ready_s"]), "%.2f s" % statistics.median(ready),
                            statistics.median(ready) < TARGETS["ready_s"]))
            targets.append(("%s under %.0f MB RSS after the first request" % (service, TARGETS["rss_mb"]),
                            "%.0f MB" % statistics.median(rss), statistics.median(rss) < TARGETS["rss_mb"]))
        lines.append("")

    summary = ["## Targets", "", "| target | measured | |", "|---|---:|---|"]
    summary += ["| %s | %s | %s |" % (target[0], target[1], verdict(*target[2:])) for target in targets]
    lines[header_length:header_length] = summary + [""]
    os.makedirs(RESULTS, exist_ok=True)
    path = os.path.join(RESULTS, now.strftime("%Y-%m-%d-%H%M") + ".md")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path


def nginx_version():
    done = subprocess.run(["nginx", "-v"], capture_output=True, text=True)
    return (done.stderr.strip().split("/", 1) + ["?"])[1].split()[0] if done.returncode == 0 else "?"


def check_launcher_gateway():
    """The launcher's gateway must run with limits no benchmark reaches and this run's own Redis key prefix,
    or its 429s (or an earlier run's buckets) would be measured."""
    with open("/proc/%d/environ" % pid_of("gateway"), "rb") as f:
        env = dict(item.decode(errors="replace").split("=", 1) for item in f.read().split(b"\0") if b"=" in item)
    low = [key for key, value in RAISED_LIMITS.items() if int(env.get(key, "0") or 0) < int(value)]
    if low:
        raise RuntimeError("the gateway (pid %d) runs without the benchmark's raised limits (%s): start it through "
                           "bench/run" % (pid_of("gateway"), ", ".join(low)))
    prefix = env.get("GATEWAY_RATE_LIMIT_KEY_PREFIX", DEFAULT_KEY_PREFIX)
    if prefix == DEFAULT_KEY_PREFIX or prefix != os.environ.get("GATEWAY_RATE_LIMIT_KEY_PREFIX"):
        raise RuntimeError("the gateway keeps its limits under %s, not under this run's own Redis key prefix: start it "
                           "through bench/run" % prefix)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--parts", default="startup,gateway,proxy,replicas,tracing,scaling,sbom",
                        help="comma-separated: startup, gateway, proxy, replicas, tracing, scaling, sbom")
    parser.add_argument("--rate", type=int, default=200, help="Gatling arrival rate, requests per second")
    parser.add_argument("--seconds", type=int, default=30, help="Gatling measured seconds per way")
    parser.add_argument("--warmup", type=int, default=15, help="Gatling warm-up seconds per way")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections (even: half per wrk thread)")
    parser.add_argument("--saturation-seconds", type=int, default=15, help="wrk measured seconds per way (every wrk part)")
    parser.add_argument("--saturation-warmup", type=int, default=10, help="unmeasured wrk seconds per way first (every wrk part)")
    parser.add_argument("--sizes", default="100,1000,10000", help="inventory sizes to assess")
    parser.add_argument("--runs", type=int, default=5, help="measured assessments per size")
    parser.add_argument("--warmups", type=int, default=3, help="unmeasured assessments per size, first")
    parser.add_argument("--startup-runs", type=int, default=3, help="restarts per service")
    parser.add_argument("--sbom-components", type=int, default=TARGETS["sbom_components"], help="components of the large SBOM")
    parser.add_argument("--sbom-heap", type=int, default=TARGETS["sbom_heap_mb"], help="the assessment-service's heap (MB) for it")
    args = parser.parse_args()
    args.sizes = [int(s) for s in args.sizes.split(",")]
    parts = set(args.parts.split(","))
    unknown = parts - {"startup", "gateway", "proxy", "replicas", "tracing", "scaling", "sbom"}
    if unknown:
        parser.error("unknown part(s): " + ", ".join(sorted(unknown)))
    if args.connections % 2:
        parser.error("--connections must be even (two wrk threads)")
    # A stop from outside still stops the processes this run started (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    tokens = Tokens()
    setup = ReferenceSetup()
    proxy = replicas = tracing = None
    try:
        check_launcher_gateway()
        startup = measure_startup(tokens, args.startup_runs) if "startup" in parts else None
        gw = gatling(tokens, args.rate, args.seconds, args.warmup) if "gateway" in parts else None
        sat = wrk(tokens, args) if "gateway" in parts else None
        if "proxy" in parts:
            proxy = measure_proxy(tokens, args, setup)
        if "replicas" in parts:
            replicas = measure_replicas(tokens, args, setup, proxy["process"] if proxy else None)
        if "tracing" in parts:
            for process in [p for p in setup.stoppable if isinstance(p, BenchGateway)]:
                process.stop()  # the replicas' gateways would share the cores with the one measured
            tracing = measure_tracing(tokens, args, setup)
        scaling = measure_scaling(tokens, args.sizes, args.runs, args.warmups) if "scaling" in parts else None
        large_sbom = measure_sbom(tokens, args.sbom_components, args.sbom_heap) if "sbom" in parts else None
    finally:
        setup.close()
    path = report(args, startup, gw, sat, scaling, proxy, replicas, tracing, large_sbom)
    print(open(path).read())
    log("written to " + os.path.relpath(path, REPO))


if __name__ == "__main__":
    main()
