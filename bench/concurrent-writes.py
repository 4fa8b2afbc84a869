#!/usr/bin/env python3
"""Concurrent writers: do registrations fail when more requests write at once than the pool has
connections? (issue 11, item 4)

Usage: concurrent-writes.py BASE_URL CREDENTIALS_JSON [WRITERS] [PER_WRITER]

As the demo user "caseworker" (API token from demo-credentials.json), WRITERS threads (default
100), each with its own keep-alive connection, wait at one barrier and then each send PER_WRITER
(default 5) `POST /api/v1/persons` of a synthetic person, one after the other. Prints the count
of each status code, p50/p95/p99/max latency, and exits 1 if any answer is not 201.
Loopback only (the base URL must be 127.0.0.1, ::1 or localhost). Standard library only.
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse
import uuid
from collections import Counter

base = urllib.parse.urlparse(sys.argv[1])
if base.hostname not in ("127.0.0.1", "::1", "localhost"):
    sys.exit("concurrent-writes.py runs against a server on loopback only")
creds = {u["username"]: u for u in json.load(open(sys.argv[2]))["users"]}
writers = int(sys.argv[3]) if len(sys.argv) > 3 else 100
per_writer = int(sys.argv[4]) if len(sys.argv) > 4 else 5
token = creds["caseworker"]["apiToken"]
run = uuid.uuid4().hex[:6]

statuses = Counter()
latencies = []
failures = []
lock = threading.Lock()
barrier = threading.Barrier(writers)


def body(w, i):
    return json.dumps({
        "givenName": "Bench",
        "familyName": f"Writer{run}w{w}n{i}",
        "citizenships": ["XA"],
        "languages": ["ara"],
        "legalBasis": "VITAL_INTEREST",
        "purpose": "Protection and assistance",
    })


def writer(w):
    conn = http.client.HTTPConnection(base.hostname, base.port, timeout=120)
    barrier.wait()
    for i in range(per_writer):
        start = time.perf_counter()
        try:
            conn.request("POST", "/api/v1/persons", body=body(w, i), headers={
                "Authorization": "Bearer " + token, "Content-Type": "application/json"})
            r = conn.getresponse()
            text = r.read()
            status = r.status
        except Exception as e:  # a refused or reset connection counts as a failure
            status, text = "error", str(e).encode()
            conn.close()
            conn = http.client.HTTPConnection(base.hostname, base.port, timeout=120)
        elapsed = (time.perf_counter() - start) * 1000
        with lock:
            statuses[status] += 1
            latencies.append(elapsed)
            if status != 201 and len(failures) < 5:
                failures.append((status, text[:300]))
    conn.close()


threads = [threading.Thread(target=writer, args=(w,)) for w in range(writers)]
wall = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
wall = time.perf_counter() - wall


def pct(p):
    s = sorted(latencies)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


total = sum(statuses.values())
print(f"writers {writers} x {per_writer} registrations = {total} requests in {wall:.1f} s"
      f" ({total / wall:.1f}/s)")
print("status counts: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=str)))
print(f"latency ms: p50 {pct(50):.0f}, p95 {pct(95):.0f}, p99 {pct(99):.0f}, max {max(latencies):.0f}")
for status, text in failures:
    print(f"failure {status}: {text!r}")
sys.exit(0 if statuses.get(201, 0) == total else 1)
