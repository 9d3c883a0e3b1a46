#!/usr/bin/env python3
"""PostgreSQL stopped and started again under write load through the gateway.

Needs the suite running with rate limits that do not bite, and permission to run pg_ctlcluster
(root here):
  GATEWAY_RATE_LIMIT_CAPACITY=1000000 GATEWAY_RATE_LIMIT_PER_MINUTE=1000000 deploy/local/start
  bench/faults/postgres_restart.py
Writers create catalog products through the gateway for the whole run; after a few seconds
PostgreSQL is stopped (fast shutdown: every connection is terminated, as a restart or a failover
does), left down for --down seconds, and started again. Then every acknowledged write (201) is
read back. Prints the answers by status and writes bench/results/<UTC>-postgres-restart.md.

What must hold: no answer is a 5xx other than 503, every 503 carries Retry-After, and no
acknowledged write is lost.
"""

import argparse
import collections
import datetime
import json
import os
import subprocess
import threading
import time
import urllib.parse
import urllib.request
import http.client
import uuid

GATEWAY = "http://127.0.0.1:8080"
ISSUER = "http://127.0.0.1:8180/realms/sovereign"
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def token(user):
    form = urllib.parse.urlencode({"grant_type": "password", "client_id": "sovereign-cli", "username": user,
                                   "password": user + "-demo"}).encode()
    with urllib.request.urlopen(ISSUER + "/protocol/openid-connect/token", form, timeout=30) as answer:
        return json.load(answer)["access_token"]


def call(method, path, bearer, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", 8080, timeout=30)
    headers = {"Authorization": "Bearer " + bearer, "Accept": "application/json"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    try:
        connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
        answer = connection.getresponse()
        return answer.status, answer.getheader("Retry-After"), answer.read()
    except OSError as e:
        return "socket: " + type(e).__name__, None, b""
    finally:
        connection.close()


def product(slug):
    return {"slug": slug, "name": "Restart Probe " + slug, "kind": "SOFTWARE", "category": "file-sync-share",
            "description": "Written while PostgreSQL restarts.", "steward": {"name": "Probe e.V.", "country": "DE"},
            "licence": "AGPL-3.0-or-later", "governance": "FOUNDATION", "deploymentModels": ["SELF_HOSTED"],
            "standards": [], "certifications": [], "dataLocations": [], "website": "https://example.org/" + slug,
            "sourceRepository": "https://example.org/git/" + slug, "factsAsOf": "2026-12-01"}


def cluster():
    version = sorted(os.listdir("/etc/postgresql"), key=lambda v: [int(p) for p in v.split(".")])[-1]
    return version, "main"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--before", type=float, default=5, help="seconds of load before PostgreSQL stops")
    parser.add_argument("--down", type=float, default=8, help="seconds PostgreSQL stays down")
    parser.add_argument("--after", type=float, default=15, help="seconds of load after it is started again")
    args = parser.parse_args()

    editor = {"token": token("editor"), "at": time.time()}
    lock = threading.Lock()
    answers = []  # (slug, status, retry-after, phase)
    phase = {"now": "before"}
    stop = threading.Event()

    def bearer():
        with lock:
            if time.time() - editor["at"] > 200:
                editor["token"], editor["at"] = token("editor"), time.time()
            return editor["token"]

    def writer():
        while not stop.is_set():
            slug = "restart-" + uuid.uuid4().hex[:12]
            status, retry, _ = call("POST", "/api/v1/catalog/products", bearer(), product(slug))
            with lock:
                answers.append((slug, status, retry, phase["now"]))

    threads = [threading.Thread(target=writer) for _ in range(args.writers)]
    for thread in threads:
        thread.start()
    version, name = cluster()
    time.sleep(args.before)
    phase["now"] = "down"
    stopped = time.monotonic()
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, name, "stop", "-m", "fast"], check=True)
    time.sleep(args.down)  # the fault's duration, not a wait for a server
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start"], check=True)
    phase["now"] = "after"
    down_s = time.monotonic() - stopped
    time.sleep(args.after)
    stop.set()
    for thread in threads:
        thread.join()

    acknowledged = [slug for slug, status, _, _ in answers if status == 201]
    lost = []
    reader = token("viewer")
    for slug in acknowledged:
        while True:
            status, retry, _ = call("GET", "/api/v1/catalog/products/" + slug, reader)
            if status != 429:
                break
            time.sleep(float(retry or 1))  # the reader's own rate limit: wait as told, then read again
        if status != 200:
            lost.append((slug, status))
    by_phase = collections.defaultdict(collections.Counter)
    for _, status, _, at in answers:
        by_phase[at][status] += 1
    bad = [(slug, status) for slug, status, _, _ in answers
           if not (status in (201, 503) or (isinstance(status, int) and 400 <= status < 500 and status != 404))]
    no_retry = [slug for slug, status, retry, _ in answers if status == 503 and not retry]

    now = datetime.datetime.now(datetime.timezone.utc)
    commit = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    lines = ["# PostgreSQL restart under write load, %s UTC" % now.strftime("%Y-%m-%d %H:%M"), "",
             "Commit %s. %d writers creating products through the gateway; PostgreSQL %s/%s stopped (fast: every "
             "connection terminated) after %.0f s, down for %.1f s, then %.0f s more of load." % (
                 commit, args.writers, version, name, args.before, down_s, args.after), "",
             "| phase | answers by status |", "|---|---|"]
    for at in ("before", "down", "after"):
        lines.append("| %s | %s |" % (at, ", ".join("%s: %d" % (s, n) for s, n in sorted(by_phase[at].items(), key=str))))
    lines += ["", "- acknowledged writes (201): %d; lost (not readable afterwards): %d" % (len(acknowledged), len(lost)),
              "- answers other than 201, 503 or a client error: %d %s" % (len(bad), bad[:5]),
              "- 503s without Retry-After: %d" % len(no_retry),
              "- verdict: %s" % ("held" if not lost and not bad and not no_retry else "**failed**"), ""]
    report = "\n".join(lines)
    print(report)
    path = os.path.join(REPO, "bench", "results", now.strftime("%Y-%m-%d-%H%M") + "-postgres-restart.md")
    with open(path, "w") as f:
        f.write(report)
    print("written to " + os.path.relpath(path, REPO))


if __name__ == "__main__":
    main()
