#!/usr/bin/env python3
"""Measures the running local suite and writes a dated Markdown table to bench/results/.

bench/run starts the suite (deploy/local/start) and calls this; see bench/README.md. Three parts:
  startup   each service restarted alone, several times: launch -> first successful API request,
            and its RSS right after that request
  gateway   the same catalog reads straight to the catalog-service and through the gateway, at a
            fixed arrival rate (Gatling, open model) and at saturation (wrk, closed model)
  scaling   generated inventories of 100, 1,000 and 10,000 items assessed through the gateway
RSS under load is sampled from /proc while the load runs.
"""

import argparse
import datetime
import glob
import http.client
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

import inventory

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
TARGETS = {
    "p99_added_ms": 3.0,
    "saturation_share": 0.70,
    "assess_1000_s": 1.0,
    "assess_10000_s": 5.0,
    "scaling_ratio": 11.0,
    "ready_s": 3.0,
    "rss_mb": 250.0,
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


def request(method, url, token, body=None, content_type="application/json", timeout=120):
    """(status, body bytes, seconds from sending to the last byte read)."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    headers = {"Authorization": "Bearer " + token, "Accept": "application/json"}
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
    with open(os.path.join(LOGS, service + ".log"), errors="replace") as f:
        found = re.findall(r"started in ([0-9.]+)s", f.read())
    return float(found[-1]) if found else None


# ---- Gateway overhead -----------------------------------------------------------------------

def gatling(tokens, rate, seconds, warmup):
    log("Gatling: %d req/s for %d s per way (after %d s of warm-up), direct then through the gateway" % (rate, seconds, warmup))
    before = set(glob.glob(os.path.join(GATLING, "target", "gatling", "*")))
    command = [os.path.join(REPO, "mvnw"), "-B", "-q", "-f", os.path.join(GATLING, "pom.xml"), "gatling:test",
               "-Dbench.direct=" + CATALOG, "-Dbench.gateway=" + GATEWAY, "-Dbench.token=" + tokens.get("viewer"),
               "-Dbench.rate=%d" % rate, "-Dbench.seconds=%d" % seconds, "-Dbench.warmup=%d" % warmup]
    with RssSampler(["catalog-service", "gateway"]) as rss:
        done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        print(done.stdout[-4000:], done.stderr[-4000:], file=sys.stderr)
        raise RuntimeError("Gatling failed (exit %d)" % done.returncode)
    reports = sorted(set(glob.glob(os.path.join(GATLING, "target", "gatling", "*"))) - before)
    if not reports:
        raise RuntimeError("Gatling wrote no report")
    rows = {}
    for name, stats in gatling_table(os.path.join(reports[-1], "index.html")).items():
        if name.startswith("warm-up"):
            continue
        way, read = name.split(" ", 1)
        rows[(read, way)] = {"requests": int(stats["Total"]), "errors": int(stats["KO"]), "p50": int(stats["50th pct"]),
                             "p90": int(stats["90th pct"]), "p99": int(stats["99th pct"]), "max": int(stats["Max"]),
                             "rps": int(stats["Total"]) / seconds}
    return {"rows": rows, "report": os.path.relpath(reports[-1], REPO), "rss": rss.peak}


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


def wrk(tokens, connections, seconds, warmup):
    """Each way warmed up unmeasured, then measured: throughput, latency, and each process's CPU per request."""
    results = {}
    pids = {service: pid_of(service) for service in ("catalog-service", "gateway")}
    with RssSampler(list(pids)) as rss:
        for way, base in (("direct", CATALOG + "/api/v1"), ("gateway", GATEWAY + "/api/v1/catalog")):
            url = base + READ_URL
            command = ["wrk", "-t2", "-c%d" % connections, "--latency", "-H", "Authorization: Bearer " + tokens.get("viewer"), url]
            if warmup > 0:
                log("wrk: %s, %d s of warm-up" % (way, warmup))
                subprocess.run(command + ["-d%ds" % warmup], capture_output=True, text=True, check=True)
            log("wrk: %s, %d connections, %d s: %s" % (way, connections, seconds, url))
            before = {service: cpu_seconds(pid) for service, pid in pids.items()}
            done = subprocess.run(command + ["-d%ds" % seconds], capture_output=True, text=True, check=True)
            results[way] = parse_wrk(done.stdout)
            results[way]["cpu_ms"] = {service: (cpu_seconds(pid) - before[service]) * 1000.0 / results[way]["requests"]
                                      for service, pid in pids.items()}
    results["rss"] = rss.peak
    return results


def parse_wrk(output):
    def millis(text):
        value, unit = re.match(r"([0-9.]+)(us|ms|s)", text).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    latency = {p: millis(v) for p, v in re.findall(r"^\s+(50|90|99)%\s+(\S+)", output, re.M)}
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    return {"rps": float(re.search(r"Requests/sec:\s+([0-9.]+)", output).group(1)),
            "requests": int(re.search(r"(\d+) requests in", output).group(1)),
            "p50": latency.get("50"), "p90": latency.get("90"), "p99": latency.get("99"),
            "errors": (int(non2xx.group(1)) if non2xx else 0), "socket_errors": errors.group(1) if errors else ""}


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
    results["rss"] = rss.peak
    return results


def phase_timings(ids):
    """Median resolve/assess/store milliseconds of these assessments, from the assessment-service's log."""
    with open(os.path.join(LOGS, "assessment-service.log"), errors="replace") as f:
        text = f.read()
    phases = {"resolve": [], "assess": [], "store": []}
    for id in ids:
        found = re.search(re.escape(id) + r": \d+ items; resolve (\d+) ms, assess (\d+) ms, store (\d+) ms", text)
        if found:
            for name, value in zip(phases, found.groups()):
                phases[name].append(int(value))
    return {name: statistics.median(values) if values else None for name, values in phases.items()}


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


def verdict(ok):
    return "met" if ok else "**missed**"


def report(args, startup, gw, sat, scaling):
    now = datetime.datetime.now(datetime.timezone.utc)
    lines = ["# Benchmark %s" % now.strftime("%Y-%m-%d %H:%M UTC"), "",
             "Machine: " + machine() + ".", "",
             "Written by `bench/run` (see bench/README.md). Medians unless stated; everything ran on this one machine, "
             "load generators included.", ""]
    overrides = sorted("`%s=%s`" % (name, value) for name, value in os.environ.items()
                       if name.startswith(("SOVEREIGN_", "QUARKUS_")))
    if overrides:
        lines += ["Settings changed for this run: " + ", ".join(overrides) + ".", ""]
    header_length = len(lines)
    targets = []

    if gw:
        rows = gw["rows"]
        lines += ["## Gateway overhead at %d req/s (Gatling, open model)" % args.rate, "",
                  "%d s per way after %d s of warm-up; half searches (`GET /products?q=cloud&size=20`), half product reads "
                  "(`GET /products/keycloak`). Report: `%s`." % (args.seconds, args.warmup, gw["report"]), "",
                  "| read | way | requests | errors | p50 ms | p90 ms | p99 ms | max ms | req/s (measured phase) |",
                  "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
        for read in ("search", "read"):
            for way in ("direct", "gateway"):
                r = rows.get((read, way))
                if r:
                    lines.append("| %s | %s | %d | %d | %d | %d | %d | %d | %.1f |" % (
                        read, way, r["requests"], r["errors"], r["p50"], r["p90"], r["p99"], r["max"], r["rps"]))
        lines.append("")
        for read in ("search", "read"):
            d, g = rows.get((read, "direct")), rows.get((read, "gateway"))
            if d and g:
                added = g["p99"] - d["p99"]
                lines.append("- %s: the gateway adds %d ms at p50 and %d ms at p99 (gateway/direct p99 ratio %.2f)." % (
                    read, g["p50"] - d["p50"], added, g["p99"] / max(d["p99"], 1)))
                targets.append(("Gateway adds at most %.0f ms at p99 at %d req/s (%s)" % (TARGETS["p99_added_ms"], args.rate, read),
                                "%d ms" % added, added <= TARGETS["p99_added_ms"]))
        lines += ["", "Gatling reports whole milliseconds.", ""]

    if sat:
        d, g = sat["direct"], sat["gateway"]
        share = g["rps"] / d["rps"]
        lines += ["## Saturation (wrk, closed model)", "",
                  "`wrk -t2 -c%d -d%ds` on `GET /products/keycloak`; wrk shares the two cores with the services." % (
                      args.connections, args.saturation_seconds), "",
                  "| way | requests | req/s | p50 ms | p90 ms | p99 ms | non-2xx | catalog CPU ms/req | gateway CPU ms/req |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for way, r in (("direct", d), ("gateway", g)):
            lines.append("| %s | %d | %.0f | %.2f | %.2f | %.2f | %d | %.3f | %.3f |" % (
                way, r["requests"], r["rps"], r["p50"], r["p90"], r["p99"], r["errors"],
                r["cpu_ms"]["catalog-service"], r["cpu_ms"]["gateway"]))
        lines += ["", "Gateway throughput is %.0f %% of direct." % (share * 100), ""]
        targets.append(("Saturation throughput through the gateway at least %.0f %% of direct" % (TARGETS["saturation_share"] * 100),
                        "%.0f %%" % (share * 100), share >= TARGETS["saturation_share"]))

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
        if 1000 in medians and 10000 in medians:
            ratio = medians[10000] / medians[1000]
            lines += ["10,000/1,000 time ratio: %.2f." % ratio, ""]
            targets.append(("10,000/1,000 time ratio at most %.0f" % TARGETS["scaling_ratio"], "%.2f" % ratio,
                            ratio <= TARGETS["scaling_ratio"]))

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
    summary += ["| %s | %s | %s |" % (name, value, verdict(ok)) for name, value, ok in targets]
    lines[header_length:header_length] = summary + [""]
    os.makedirs(RESULTS, exist_ok=True)
    path = os.path.join(RESULTS, now.strftime("%Y-%m-%d-%H%M") + ".md")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--parts", default="startup,gateway,scaling", help="comma-separated: startup, gateway, scaling")
    parser.add_argument("--rate", type=int, default=200, help="Gatling arrival rate, requests per second")
    parser.add_argument("--seconds", type=int, default=30, help="Gatling measured seconds per way")
    parser.add_argument("--warmup", type=int, default=15, help="Gatling warm-up seconds per way")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections")
    parser.add_argument("--saturation-seconds", type=int, default=15, help="wrk seconds per way")
    parser.add_argument("--saturation-warmup", type=int, default=10, help="unmeasured wrk seconds per way first")
    parser.add_argument("--sizes", default="100,1000,10000", help="inventory sizes to assess")
    parser.add_argument("--runs", type=int, default=5, help="measured assessments per size")
    parser.add_argument("--warmups", type=int, default=3, help="unmeasured assessments per size, first")
    parser.add_argument("--startup-runs", type=int, default=3, help="restarts per service")
    args = parser.parse_args()
    args.sizes = [int(s) for s in args.sizes.split(",")]
    parts = set(args.parts.split(","))

    tokens = Tokens()
    startup = measure_startup(tokens, args.startup_runs) if "startup" in parts else None
    gw = gatling(tokens, args.rate, args.seconds, args.warmup) if "gateway" in parts else None
    sat = wrk(tokens, args.connections, args.saturation_seconds, args.saturation_warmup) if "gateway" in parts else None
    scaling = measure_scaling(tokens, args.sizes, args.runs, args.warmups) if "scaling" in parts else None
    path = report(args, startup, gw, sat, scaling)
    print(open(path).read())
    log("written to " + os.path.relpath(path, REPO))


if __name__ == "__main__":
    main()
