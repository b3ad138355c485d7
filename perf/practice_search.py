#!/usr/bin/env python3
"""Times the practice library's searches against a running Cairn (perf/practice.sh): each query REQUESTS times,
one after the other after WARMUP, signed in as a demo teacher (and anonymously for the public page); prints per
query the median and p90 in milliseconds, the rows answered, the documents the embedded store read and the service's
CPU time per search (both when perf/practice.sh runs it), then the median over every search next to the
reference GET /api/v1/me measured in the same run.

    perf/practice_search.py http://127.0.0.1:18096 [REQUESTS] [WARMUP]
"""
import json
import os
import statistics
import sys
import time
import urllib.request

BASE = sys.argv[1]
REQUESTS = int(sys.argv[2]) if len(sys.argv) > 2 else 30
WARMUP = int(sys.argv[3]) if len(sys.argv) > 3 else 5
PASSWORD = os.environ.get("CAIRN_DEMO_PASSWORD", "cairn-demo-password")

SEARCHES = [
    ("browse, first page", "/api/v1/practice/pieces?size=50"),
    ("browse, page 4", "/api/v1/practice/pieces?page=3&size=50"),
    ("cluster C6", "/api/v1/practice/pieces?cluster=C6&size=50"),
    ("standard LF2011.DATA", "/api/v1/practice/pieces?standard=LF2011.DATA&size=50"),
    ("grade 3-5", "/api/v1/practice/pieces?grade=3-5&size=50"),
    ("subject Mathematics", "/api/v1/practice/pieces?subject=Mathematics&size=50"),
    ("common word", "/api/v1/practice/pieces?q=fraction&size=50"),
    ("rare word", "/api/v1/practice/pieces?q=tessellation&size=50"),
    ("two words", "/api/v1/practice/pieces?q=fraction+station&size=50"),
    ("cluster + grade", "/api/v1/practice/pieces?cluster=C6&grade=3-5&size=50"),
    ("cluster + grade + subject + word", "/api/v1/practice/pieces?cluster=C5&grade=9-12&subject=Science&q=lab&size=50"),
    ("no match", "/api/v1/practice/pieces?q=zzzzunknown&size=50"),
    ("public page", "/api/v1/public/practice/pieces?size=50"),
]


def login(email):
    body = json.dumps({"email": email, "password": PASSWORD}).encode()
    with urllib.request.urlopen(urllib.request.Request(BASE + "/api/v1/auth/login", body,
                                                       {"Content-Type": "application/json"})) as r:
        r.read()
        return "; ".join(h.split(";")[0] for h in r.headers.get_all("Set-Cookie") or [])


def timed(path, cookie):
    request = urllib.request.Request(BASE + path, headers={"Accept": "application/json", "Cookie": cookie})
    start = time.perf_counter()
    with urllib.request.urlopen(request) as r:
        body = r.read()
    return (time.perf_counter() - start) * 1000, body


def cpu_ms():
    """CPU time the service has used (user + system) when perf/practice.sh names its process: hardly depends on what
    else runs on the machine, unlike the wall time."""
    pid = os.environ.get("CAIRN_PID")
    if not pid:
        return None
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def documents_read():
    """Documents the embedded store read since start (exposed by perf/practice.sh on its own run only)."""
    try:
        with urllib.request.urlopen(BASE + "/actuator/metrics/cairn.store.documents.read") as r:
            return json.load(r)["measurements"][0]["value"]
    except Exception:
        return None


def per_request(before, after):
    return "n/a" if before is None or after is None else f"{(after - before) / REQUESTS:,.1f}"


def measure(path, cookie):
    for _ in range(WARMUP):
        timed(path, cookie)
    times = []
    rows = 0
    reads, cpu = documents_read(), cpu_ms()
    for _ in range(REQUESTS):
        ms, body = timed(path, cookie)
        times.append(ms)
        rows = len(json.loads(body)) if body.startswith(b"[") else 1
    reads, cpu = per_request(reads, documents_read()), per_request(cpu, cpu_ms())
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.9) - 1], rows, reads, cpu


def main():
    cookie = login("teacher1@demo.cairn.test")
    print(f"{'search':<36} {'median ms':>10} {'p90 ms':>8} {'rows':>5} {'docs read':>10} {'CPU ms':>7}")
    reference = measure("/api/v1/me", cookie)
    medians = []
    for name, path in SEARCHES:
        median, p90, rows, reads, cpu = measure(path, "" if "/public/" in path else cookie)
        medians.append(median)
        print(f"{name:<36} {median:>10.1f} {p90:>8.1f} {rows:>5} {reads:>10} {cpu:>7}")
    print(f"{'reference GET /api/v1/me':<36} {reference[0]:>10.1f} {reference[1]:>8.1f} {'':>5} {reference[3]:>10} "
          f"{reference[4]:>7}")
    overall = statistics.median(medians)
    print(f"median over the searches: {overall:.1f} ms ({overall / reference[0]:.1f}x the reference); "
          f"slowest search median {max(medians):.1f} ms; load average {open('/proc/loadavg').read().split()[:3]}")
    print(f"goal < 200 ms median: {'met' if overall < 200 else 'not met'} (over the searches); searches at or over "
          f"200 ms: {sum(1 for m in medians if m >= 200)} of {len(medians)}")


if __name__ == "__main__":
    main()
