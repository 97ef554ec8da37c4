#!/usr/bin/env python3
"""Lists that stream (docs/extensions.md, issue #20 part 3): time to the first row, total time and peak RSS of a
list of many pages, printed by ours streamed, by ours buffered (OSC_RS_STREAM=0) and by OSC.

Run through `scripts/bench --only stream`, which builds the release binary and starts the devcloud, then calls:
    stream.py --bin-dir TARGET/release --results FILE [--quick]

The lists: 5,000 projects in a domain of their own (`project list --domain osc-rs-bench-stream --limit 500`: ten
pages) and 10,000 objects in the container `bench-stream-10k` (`object list bench-stream-10k --all`: a hundred
pages, the devcloud's Swift listing 100 entries a page), each with `-f value` and `-f json`. The objects are
uploaded on first use and kept (only the missing ones are uploaded). The projects exist only while they are measured, under the identity cases' exclusive lock
(scripts/compat takes it shared: their unfiltered lists must not meet 5,000 projects), and the domain is deleted
afterwards, with them.

Each command runs `rounds` times (interleaved, median kept). The time to the first row is when the first byte of
stdout reaches the pipe; the total is the process's exit; the peak RSS is GNU time's. The
three outputs are checked to be the same bytes. The results go to FILE as JSON and a Markdown table to stdout.
"""
import argparse
import concurrent.futures
import fcntl
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (the shared Keystone helpers: http, issue_token, endpoint, log)

DOMAIN = "osc-rs-bench-stream"
# OSC_RS_BENCH_PROJECTS makes fewer for a quick look (Keystone on a loaded 2-core machine makes 2 to 5 a second).
PROJECTS = int(os.environ.get("OSC_RS_BENCH_PROJECTS", "5000"))
CONTAINER = "bench-stream-10k"
OBJECTS = 10000


def delete_domain(token):
    _, _, body = bench.http("GET", f"{bench.AUTH_URL}/domains?name={DOMAIN}", token)
    for domain in body.get("domains", []):
        url = f"{bench.AUTH_URL}/domains/{domain['id']}"
        bench.http("PATCH", url, token, {"domain": {"enabled": False}})
        # Keystone deletes the domain's projects one by one before it answers: minutes for thousands.
        request = urllib.request.Request(url, method="DELETE")
        request.add_header("X-Auth-Token", token)
        with urllib.request.urlopen(request, timeout=1800) as answer:
            answer.read()
        bench.log(f"deleted domain {DOMAIN} and its projects")


def ensure_projects(token):
    """The domain and its 5,000 projects `stream-project-NNNN`, creating only the missing ones."""
    _, _, body = bench.http("GET", f"{bench.AUTH_URL}/domains?name={DOMAIN}", token)
    domains = body.get("domains", [])
    if domains:
        domain_id = domains[0]["id"]
    else:
        _, _, body = bench.http("POST", bench.AUTH_URL + "/domains", token, {"domain": {
            "name": DOMAIN, "description": "scripts/bench --only stream: kept between runs"}})
        domain_id = body["domain"]["id"]
    _, _, body = bench.http("GET", f"{bench.AUTH_URL}/projects?domain_id={domain_id}", token)
    have = {p["name"] for p in body.get("projects", [])}
    missing = [f"stream-project-{i:04d}" for i in range(1, PROJECTS + 1)
               if f"stream-project-{i:04d}" not in have]
    if missing:
        started = time.monotonic()

        def create(name):
            bench.http("POST", bench.AUTH_URL + "/projects", token,
                       {"project": {"name": name, "domain_id": domain_id}}, ok=(201, 409))

        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            list(pool.map(create, missing))
        bench.log(f"created {len(missing)} projects in {DOMAIN} in {time.monotonic() - started:.1f} s")


def ensure_objects(token, swift):
    """The container and its 10,000 small objects `obj-NNNNN`, uploading only the missing ones."""
    base = f"{swift}/{CONTAINER}"

    def put(url, data=b""):
        # Swift answers a PUT with text (202 "Accepted" for a container that exists), not JSON.
        request = urllib.request.Request(url, data=data, method="PUT")
        request.add_header("X-Auth-Token", token)
        request.add_header("Content-Type", "text/plain")
        with urllib.request.urlopen(request, timeout=60) as answer:
            answer.read()

    put(base)
    have = set()
    marker = ""
    while True:
        query = urllib.parse.urlencode({"format": "json", "marker": marker})
        _, _, page = bench.http("GET", f"{base}?{query}", token)
        if not page:
            break
        have.update(entry["name"] for entry in page)
        marker = page[-1]["name"]
    missing = [f"obj-{i:05d}" for i in range(1, OBJECTS + 1) if f"obj-{i:05d}" not in have]
    if missing:
        started = time.monotonic()

        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda name: put(f"{base}/{name}", name.encode()), missing))
        bench.log(f"uploaded {len(missing)} objects to {CONTAINER} in {time.monotonic() - started:.1f} s")


def run_once(argv, env):
    """(seconds to the first stdout byte, total seconds, peak RSS KiB, sha256 of stdout, bytes).

    The peak RSS is GNU time's (`%M`): a child forked from this Python process would count the parent's pages in
    its own `ru_maxrss` (taken before the exec), some 25 MiB."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as peak:
        started = time.monotonic()
        child = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", peak.name] + argv, stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=env)
        digest = hashlib.sha256()
        first = child.stdout.read(1)
        first_at = time.monotonic() - started
        digest.update(first)
        size = len(first)
        while True:
            chunk = child.stdout.read(65536)
            if not chunk:
                break
            digest.update(chunk)
            size += len(chunk)
        child.stdout.close()
        code = child.wait()
        total = time.monotonic() - started
        if code != 0:
            raise RuntimeError(f"{argv} exited {code}")
        rss = int(peak.read().strip().splitlines()[-1])
    return first_at, total, rss, digest.hexdigest(), size


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin-dir", required=True)
    parser.add_argument("--results", required=True)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--lists", choices=("both", "projects", "objects"), default="both")
    args = parser.parse_args()
    rounds = 1 if args.quick else 3

    token, catalog = bench.issue_token()
    if args.lists != "projects":
        ensure_objects(token, bench.endpoint(catalog, "object-store"))

    cache = os.environ.get("OSC_RS_CACHE", os.path.expanduser("~/.cache/openstack-rs"))
    clouds = os.environ.get("OS_CLIENT_CONFIG_FILE", os.path.join(cache, "devcloud/clouds.yaml"))
    osc = os.environ.get("OSC_REF") or os.path.join(cache, "venv-clients/bin/openstack")
    ours = os.path.join(args.bin_dir, "openstack")
    scratch = tempfile.mkdtemp(prefix="osc-rs-bench-stream-")
    env = {"PATH": bench.BASE_PATH, "HOME": scratch, "XDG_CACHE_HOME": os.path.join(scratch, "cache"),
           "OS_CLOUD": os.environ.get("OS_CLOUD", "devcloud"), "OS_CLIENT_CONFIG_FILE": clouds,
           "LC_ALL": "C.UTF-8"}
    tools = [("ours, streamed", ours, {}), ("ours, buffered", ours, {"OSC_RS_STREAM": "0"}), ("OSC", osc, {})]
    # Our token cache warmed once, as a user's is after the first command (OSC has none and logs in each time).
    run_once([ours, "token", "issue", "-f", "value", "-c", "expires"], env)
    results = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "rounds": rounds, "rows": []}

    def measure(title, words, count):
        for fmt in ("value", "json"):
            argv_tail = words + ["-f", fmt]
            readings = {name: [] for name, _, _ in tools}
            digests = {}
            for _ in range(rounds):
                for name, binary, extra in tools:
                    first, total, rss, digest, size = run_once([binary] + argv_tail, {**env, **extra})
                    readings[name].append((first, total, rss))
                    digests[name] = (digest, size)
            same = len({d for d, _ in digests.values()}) == 1
            for name, _, _ in tools:
                rows = readings[name]
                results["rows"].append({
                    "list": title, "format": fmt, "tool": name, "command": " ".join(["openstack"] + argv_tail),
                    "first_row_s": statistics.median(r[0] for r in rows),
                    "total_s": statistics.median(r[1] for r in rows),
                    "peak_rss_kib": statistics.median(r[2] for r in rows),
                    "bytes": digests[name][1], "same_output": same})
            bench.log(f"{title} -f {fmt}: outputs {'identical' if same else 'DIFFER'} ({count} rows)")
            save()

    def save():
        # After each list: a later failure (or a long wait for the lock) loses nothing measured.
        os.makedirs(os.path.dirname(os.path.abspath(args.results)), exist_ok=True)
        with open(args.results, "w") as f:
            json.dump(results, f, indent=2)

    # The devcloud's Swift lists at most 100 entries a page (container_listing_limit): a hundred pages.
    if args.lists != "projects":
        measure("10,000 objects", ["object", "list", CONTAINER, "--all"], OBJECTS)
    if args.lists != "objects":
        with open(os.path.join(os.path.dirname(clouds), "compat-identity.lock"), "a") as lock:
            bench.log("waiting for the identity cases' exclusive lock on the devcloud")
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                ensure_projects(token)
                measure(f"{PROJECTS:,} projects",
                        ["project", "list", "--domain", DOMAIN, "--limit", str(PROJECTS // 10)], PROJECTS)
            finally:
                delete_domain(token)
    save()
    print(f"Streamed lists ({results['date']}, median of {rounds}; time to the first row, total, peak RSS):\n")
    print("| List | Format | Tool | First row | Total | Peak RSS |")
    print("|---|---|---|---:|---:|---:|")
    for row in results["rows"]:
        print(f"| {row['list']} | {row['format']} | {row['tool']} | {row['first_row_s']:.2f} s "
              f"| {row['total_s']:.2f} s | {row['peak_rss_kib'] / 1024:.1f} MiB |")
    return 0 if all(row["same_output"] for row in results["rows"]) else 1


if __name__ == "__main__":
    sys.exit(main())
