#!/usr/bin/env python3
"""Measures ours, python-openstackclient (OSC) and curl side by side on the devcloud.

Run through scripts/bench, which installs the tools, builds the release binaries and starts the devcloud, then
calls:  bench.py --repo ROOT --bin-dir TARGET/release --results FILE [--quick]

Every figure of docs/performance.md comes from one run of this script: hyperfine timings (merged over several
interleaved rounds, so that a change of load on a shared machine hits all three tools alike), peak memory from GNU
time, request and process counts from --debug and strace, binary sizes. The results go to a JSON file that
report.py turns into Markdown.

Secrets stay out of every command line: the password is in a 0600 request body file, the token in a 0600 header
file (curl -d @FILE, -H @FILE), both in a 0700 temporary directory removed at exit.
"""
import argparse
import concurrent.futures
import contextlib
import datetime
import fcntl
import json
import os
import platform
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import services

# The devcloud's fixed admin credentials (scripts/devcloud writes the same into its clouds.yaml).
AUTH_URL = "http://127.0.0.1:5000/v3"
ADMIN_USER = "admin"
ADMIN_PASSWORD = "devcloud-admin"
ADMIN_PROJECT = "admin"
ADMIN_DOMAIN = "Default"

# The projects of the 1,000-row list live in a domain of their own: the list is exactly 1,000 rows, and deleting the
# domain deletes them all at once. A domain left over by a killed run is deleted before a new one is made.
BENCH_DOMAIN = "osc-rs-bench"
BENCH_PROJECTS = 1000

# A clean PATH, the same for every tool: our binary scans every PATH directory for plugins, so a developer's PATH
# would change what is measured.
BASE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

# python-mistralclient's query strings (workflow list, workflow execution list), for curl to fetch the same URLs.
MISTRAL_WORKFLOWS = ("/workflows?sort_keys=created_at&sort_dirs=asc"
                     "&fields=id%2Cname%2Cnamespace%2Cproject_id%2Ctags%2Cinput%2Cscope%2Ccreated_at%2Cupdated_at")
MISTRAL_EXECUTIONS = ("/executions?limit=100&sort_keys=created_at&sort_dirs=desc"
                      "&fields=id%2Cworkflow_id%2Cworkflow_name%2Cworkflow_namespace%2Cdescription"
                      "%2Ctask_execution_id%2Croot_execution_id%2Cstate%2Cstate_info%2Ccreated_at%2Cupdated_at")


# A command of each plugin, to check that ours lists it.
PLUGIN_COMMAND = {"openstack-runit": "runit echo", "openstack-pyhello": "pyhello greet",
                  "openstack-pyhola": "pyhola greet", "openstack-mistral": "workflow list"}


def log(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


class Interrupted(Exception):
    """SIGTERM or SIGHUP: unwinds like Ctrl-C so that the cleanup runs."""


def on_signal(signum, _frame):
    raise Interrupted(f"signal {signum}")


# ---------------------------------------------------------------------------------------------------------------
# Keystone over plain HTTP (urllib): the token for curl, the 1,000 projects.

def http(method, url, token=None, body=None, ok=(200, 201, 204), extra=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("X-Auth-Token", token)
    for name, value in (extra or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            payload = answer.read()
            headers = answer.headers
            status = answer.status
    except urllib.error.HTTPError as error:
        if error.code in ok:
            return error.code, error.headers, {}
        raise RuntimeError(f"{method} {url}: HTTP {error.code}: {error.read()[:300]!r}") from None
    if status not in ok:
        raise RuntimeError(f"{method} {url}: HTTP {status}")
    return status, headers, (json.loads(payload) if payload else {})


def auth_body():
    return {"auth": {
        "identity": {"methods": ["password"], "password": {"user": {
            "name": ADMIN_USER, "domain": {"name": ADMIN_DOMAIN}, "password": ADMIN_PASSWORD}}},
        "scope": {"project": {"name": ADMIN_PROJECT, "domain": {"name": ADMIN_DOMAIN}}}}}


def issue_token():
    """Returns (token, catalog)."""
    _, headers, body = http("POST", AUTH_URL + "/auth/tokens", body=auth_body())
    return headers["X-Subject-Token"], body["token"].get("catalog", [])


def endpoint(catalog, service_type):
    for service in catalog:
        if service["type"] == service_type:
            for ep in service["endpoints"]:
                if ep["interface"] == "public":
                    return ep["url"].rstrip("/")
    return None


def delete_bench_domain(token):
    _, _, body = http("GET", f"{AUTH_URL}/domains?name={BENCH_DOMAIN}", token)
    for domain in body.get("domains", []):
        url = f"{AUTH_URL}/domains/{domain['id']}"
        http("PATCH", url, token, {"domain": {"enabled": False}})
        http("DELETE", url, token, ok=(204, 404))
        log(f"deleted domain {BENCH_DOMAIN} ({domain['id']}) and its projects")


def create_bench_projects(token, count=BENCH_PROJECTS, domain_id=None):
    if domain_id is None:
        _, _, body = http("POST", AUTH_URL + "/domains", token,
                          {"domain": {"name": BENCH_DOMAIN, "description": "scripts/bench: deleted after the run"}})
        domain_id = body["domain"]["id"]

    def create(i):
        http("POST", AUTH_URL + "/projects", token,
             {"project": {"name": f"bench-project-{i:04d}", "domain_id": domain_id}})

    started = time.monotonic()
    # Keystone runs two gunicorn workers; four clients keep both busy. On an interruption the queued creations are
    # cancelled and the running ones waited for, so that deleting the domain afterwards leaves nothing behind.
    pool = concurrent.futures.ThreadPoolExecutor(4)
    try:
        list(pool.map(create, range(1, count + 1)))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    log(f"created {count} projects in domain {BENCH_DOMAIN} in {time.monotonic() - started:.1f} s")
    return domain_id


# ---------------------------------------------------------------------------------------------------------------
# Measuring.

class Bench:
    """One line of the table: the same task done by ours, OSC and curl (any of them may be absent)."""

    def __init__(self, key, title, commands, env=None, group="startup"):
        self.key = key
        self.title = title
        self.commands = {tool: argv for tool, argv in commands.items() if argv}
        self.env = env or {}
        self.group = group
        self.skipped = {}      # tool -> why
        self.results = {}      # tool -> {"median": s, "times": [...], "user": s, "system": s}
        self.probe = {}        # ours: {"requests": n, "connects": n, "children": n}
        self.probe_seconds = {}  # tool -> how long the probe run took


class Runner:
    def __init__(self, args, tools, env, tmp, display):
        self.args = args
        self.tools = tools
        self.env = env
        self.tmp = tmp
        self.display = display   # real path -> how the report shows it
        self.benches = []

    def run(self, argv, env=None, **kwargs):
        return subprocess.run(argv, env=env or self.env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              **kwargs)

    def env_for(self, bench):
        env = dict(self.env)
        env.update(bench.env)
        return env

    def probe_ok(self, bench, tool):
        """Runs the command once; a failure skips the tool for this benchmark (with the reason in the report)."""
        started = time.monotonic()
        proc = self.run(bench.commands[tool], self.env_for(bench))
        bench.probe_seconds[tool] = time.monotonic() - started
        if proc.returncode == 0:
            return True
        lines = (proc.stderr.strip() or proc.stdout.strip() or "no output").splitlines()
        bench.skipped[tool] = f"exit {proc.returncode}: {lines[0].strip()[:160]}"
        log(f"{bench.key}: {tool} skipped ({bench.skipped[tool]})")
        return False

    def measure(self, bench):
        tools = [t for t in ("ours", "osc", "curl") if t in bench.commands and self.probe_ok(bench, t)]
        env = self.env_for(bench)
        samples = {t: {"times": [], "user": [], "system": []} for t in tools}
        # Commands of a few milliseconds: a few rounds of many runs. Commands that wait for a server: many short
        # rounds, so that the server's speed, which drifts with the machine's load, is sampled alike for every tool.
        fast = all(bench.probe_seconds[t] < 0.05 for t in tools if t != "osc")
        a = self.args
        rounds = a.rounds if fast else a.slow_rounds
        for round_no in range(rounds):
            # Alternate the order between rounds: no tool always runs first after a slow OSC block.
            order = tools if round_no % 2 == 0 else list(reversed(tools))
            for tool in list(order):
                if tool not in tools:
                    continue
                if tool == "osc":   # OSC's runs spread evenly over the rounds
                    runs = (round_no + 1) * a.osc_runs // rounds - round_no * a.osc_runs // rounds
                else:
                    runs = a.runs * 5 if fast else a.slow_runs
                if runs == 0:
                    continue
                warmup = a.warmup if round_no == 0 else (0 if tool == "osc" else 1)
                out = os.path.join(self.tmp, f"hf-{bench.key}-{tool}-{round_no}.json")
                cmd = [self.tools["hyperfine"], "-N", "--style", "none", "--output", "pipe",
                       "--warmup", str(warmup), "--runs", str(runs), "--export-json", out,
                       "-n", tool, shlex.join(bench.commands[tool])]
                proc = self.run(cmd, env)
                if proc.returncode != 0:
                    bench.skipped[tool] = "failed during timing: " + (proc.stderr.strip().splitlines() or ["?"])[-1]
                    log(f"{bench.key}: {tool} {bench.skipped[tool]}")
                    samples.pop(tool, None)
                    tools = [t for t in tools if t != tool]
                    continue
                with open(out) as f:
                    result = json.load(f)["results"][0]
                samples[tool]["times"].extend(result["times"])
                samples[tool]["user"].append((result["user"], len(result["times"])))
                samples[tool]["system"].append((result["system"], len(result["times"])))
        for tool, s in samples.items():
            if not s["times"]:
                continue
            n = len(s["times"])
            bench.results[tool] = {
                "median": statistics.median(s["times"]),
                "min": min(s["times"]),
                "runs": n,
                "user": sum(u * k for u, k in s["user"]) / n,
                "system": sum(u * k for u, k in s["system"]) / n,
            }
        summary = ", ".join(f"{t} {r['median'] * 1000:.1f} ms" for t, r in bench.results.items())
        log(f"{bench.key}: {summary}")
        self.benches.append(bench)

    def count_requests(self, bench):
        """Ours: HTTP requests (REQ lines of --debug), inet connect() calls and child processes (strace)."""
        if "ours" not in bench.results:
            return
        argv = bench.commands["ours"]
        env = self.env_for(bench)
        proc = self.run([argv[0], "--debug"] + argv[1:], env)
        # keystoneauth's debug log (and ours) shows requests as "REQ: curl ...", except the authentication POST.
        requests = sum(1 for line in proc.stderr.splitlines()
                       if line.startswith(("REQ: ", "Making authentication request to ")))
        trace = os.path.join(self.tmp, f"strace-{bench.key}")
        self.run([self.tools["strace"], "-f", "-qq", "-o", trace, "-e", "trace=connect,execve"] + argv, env)
        connects = children = 0
        with open(trace) as f:
            for line in f:
                if " connect(" in line and ("AF_INET" in line):
                    connects += 1
                elif " execve(" in line and "= 0" in line:
                    children += 1
        bench.probe = {"requests": requests, "connects": connects, "children": max(children - 1, 0)}

    def peak_kb(self, argv, env=None):
        """Median of three max-RSS readings of GNU time, in KiB."""
        readings = []
        out = os.path.join(self.tmp, "time.out")
        for _ in range(3):
            if self.run([self.tools["time"], "-f", "%M", "-o", out] + argv, env).returncode != 0:
                return None
            with open(out) as f:
                last = f.read().strip().splitlines()[-1]
            readings.append(int(last))
        return statistics.median(readings)


# ---------------------------------------------------------------------------------------------------------------
# Batches (docs/extensions.md): deleting 100 projects one by one and with --parallel, and DevStack's Keystone set-up
# (scripts/bench.d/devstack-keystone.txt) run three ways. Each run is timed once by the wall clock around it, under
# the identity cases' exclusive lock; the state is reset between runs (not timed).

DEVSTACK_CLEANUP = [
    "domain set --disable ds-bench",
    "domain delete ds-bench",
    "role delete ds-admin ds-member ds-reader ds-service ds-ResellerAdmin ds-anotherrole",
    "service delete ds-keystone ds-glance ds-nova ds-placement ds-neutron ds-cinder ds-swift",
    "region delete ds-RegionOne",
]
DELETE_COUNT = 100
PARALLEL = 16


class Batches:
    def __init__(self, runner, ours, osc, repo):
        self.runner, self.ours, self.osc = runner, ours, osc
        path = os.path.join(repo, "scripts/bench.d/devstack-keystone.txt")
        with open(path) as f:
            self.lines = [line.strip() for line in f if line.strip() and not line.startswith("#")]
        self.rows = []

    def timed(self, argv, stdin=None):
        started = time.monotonic()
        done = subprocess.run(argv, input=stdin, env=self.runner.env, capture_output=True, text=True)
        return time.monotonic() - started, done

    def devstack_reset(self):
        self.timed([self.ours], stdin="\n".join(DEVSTACK_CLEANUP) + "\n")

    def devstack(self):
        results, failures = {}, {}

        def per_line(binary):
            total, failed = 0.0, 0
            for line in self.lines:
                seconds, done = self.timed(["bash", "-c", f"exec {shlex.quote(binary)} {line}"])
                total += seconds
                failed += done.returncode != 0
            return total, failed

        for key, run in (("osc", lambda: per_line(self.osc)),
                         ("ours", lambda: per_line(self.ours)),
                         ("ours-batch", self.stdin_batch)):
            self.devstack_reset()
            log(f"devstack batch: {key}, {len(self.lines)} commands")
            seconds, failed = run()
            results[key] = seconds
            if failed:
                failures[key] = failed
        self.devstack_reset()
        self.rows.append({"key": "devstack", "title": f"DevStack's Keystone set-up, {len(self.lines)} commands",
                          "seconds": results, "failed": failures})

    def stdin_batch(self):
        seconds, done = self.timed([self.ours], stdin="\n".join(self.lines) + "\n")
        # stdin mode goes on after a failed line; count the lines that said so on stderr
        return seconds, done.stderr.count("\n") if done.returncode else 0

    def deletes(self, token):
        results, failures = {}, {}
        names = [f"bench-project-{i:04d}" for i in range(1, DELETE_COUNT + 1)]
        for key, extra, binary in (("osc", [], self.osc), ("ours", [], self.ours),
                                   ("ours-parallel", ["--parallel", str(PARALLEL)], self.ours)):
            delete_bench_domain(token)
            domain_id = create_bench_projects(token, DELETE_COUNT)
            log(f"deleting {DELETE_COUNT} projects: {key}")
            seconds, done = self.timed([binary, "project", "delete", "--domain", domain_id] + extra + names)
            results[key] = seconds
            if done.returncode:
                failures[key] = done.stderr.strip().splitlines()[-1:] or [f"exit {done.returncode}"]
        delete_bench_domain(token)
        self.rows.append({"key": "delete-100", "title": f"`project delete` of {DELETE_COUNT} projects "
                          f"(ours-parallel: `--parallel {PARALLEL}`)", "seconds": results, "failed": failures})


# ---------------------------------------------------------------------------------------------------------------
# Transfers: 1 GiB up and down through Glance and Swift. Each upload needs a target of its own (Glance takes an
# image's data once), so these rows are not hyperfine's: every run is timed here (wall clock around the process)
# under GNU time (its peak RSS), one process per transfer.

GIB = 1 << 30
TRANSFER_PREFIX = "osc-rs-bench-transfer"


def make_source(path):
    """1 GiB of random bytes (nothing along the way can compress it), written once, removed at exit with $TMP."""
    with open("/dev/urandom", "rb") as src, open(path, "wb") as dst:
        left = GIB
        while left:
            block = src.read(min(left, 1 << 22))
            dst.write(block)
            left -= len(block)


class Transfers:
    """Times each tool's upload and download of the same 1 GiB, in alternating order over the rounds."""

    def __init__(self, runner, token, catalog, source):
        self.runner = runner
        self.token = token
        self.glance = endpoint(catalog, "image")
        self.swift = endpoint(catalog, "object-store")
        self.source = source
        self.samples = {}   # (key, tool) -> [{"seconds": s, "peak_kb": k}]
        self.commands = {}  # (key, tool) -> argv shown in the report (the last run's)
        self.skipped = {}   # (key, tool) -> why
        self.cli = None     # the `openstack` binary: when set, ours runs `object create|save` (not the driver)

    def timed(self, key, tool, argv):
        """Runs argv under GNU time; records wall seconds and peak RSS. Returns stdout, or None on failure."""
        out = os.path.join(self.runner.tmp, "transfer-time.out")
        started = time.monotonic()
        proc = self.runner.run([self.runner.tools["time"], "-f", "%M", "-o", out] + argv)
        seconds = time.monotonic() - started
        self.commands[(key, tool)] = argv
        if proc.returncode != 0:
            lines = (proc.stderr.strip() or proc.stdout.strip() or "no output").splitlines()
            self.skipped[(key, tool)] = f"exit {proc.returncode}: {lines[-1].strip()[:160]}"
            log(f"{key}: {tool} failed ({self.skipped[(key, tool)]})")
            return None
        with open(out) as f:
            peak = int(f.read().strip().splitlines()[-1])
        self.samples.setdefault((key, tool), []).append({"seconds": seconds, "peak_kb": peak})
        log(f"{key}: {tool} {GIB / seconds / 2**20:.0f} MiB/s ({seconds:.1f} s), peak RSS {peak / 1024:.1f} MB")
        return proc.stdout

    def new_image(self, name):
        _, _, body = http("POST", self.glance + "/v2/images", self.token,
                          {"name": name, "disk_format": "raw", "container_format": "bare"})
        return body["id"]

    def delete_image(self, image_id):
        http("DELETE", f"{self.glance}/v2/images/{image_id}", self.token, ok=(204, 404))

    def delete_leftovers(self, container):
        """Images and the container of a killed run (names start with TRANSFER_PREFIX)."""
        _, _, body = http("GET", f"{self.glance}/v2/images?limit=100", self.token)
        for image in body.get("images", []):
            if (image.get("name") or "").startswith(TRANSFER_PREFIX):
                self.delete_image(image["id"])
        status, _, _ = http("HEAD", f"{self.swift}/{container}", self.token, ok=(200, 204, 404))
        if status != 404:
            _, _, names = http("GET", f"{self.swift}/{container}?format=json", self.token, ok=(200, 204))
            for obj in names or []:
                http("DELETE", f"{self.swift}/{container}/{obj['name']}", self.token, ok=(204, 404))
            http("DELETE", f"{self.swift}/{container}", self.token, ok=(204, 404))

    def run(self, ours, osc, curl, header_file, rounds):
        container = TRANSFER_PREFIX
        self.delete_leftovers(container)
        http("PUT", f"{self.swift}/{container}", self.token, ok=(201, 202, 204))
        curl_auth = curl + ["-H", f"@{header_file}"]
        tools = [t for t, exe in (("ours", ours), ("curl", curl), ("osc", osc)) if exe]
        try:
            for round_no in range(rounds):
                order = tools if round_no % 2 == 0 else list(reversed(tools))
                for tool in order:
                    self.image_round(tool, round_no, ours, osc, curl_auth)
                    self.object_round(tool, round_no, container, ours, osc, curl_auth)
        finally:
            self.delete_leftovers(container)

    def image_round(self, tool, round_no, ours, osc, curl_auth):
        name = f"{TRANSFER_PREFIX}-{tool}-{round_no}"
        image_id = None
        try:
            if tool == "osc":
                # OSC's image create: POST the record, then PUT the data (both in the timed run).
                out = self.timed("image-upload", tool, [
                    osc, "image", "create", "--file", self.source, "--disk-format", "raw",
                    "--container-format", "bare", "-f", "value", "-c", "id", name])
                image_id = out.strip() if out else None
                if not image_id:   # a failed create may still have left a record
                    _, _, body = http("GET", f"{self.glance}/v2/images?name={name}", self.token)
                    image_id = next((i["id"] for i in body.get("images", [])), None)
                    return
                self.timed("image-download", tool, [osc, "image", "save", "--file", "/dev/null", image_id])
                return
            image_id = self.new_image(name)
            path = f"/v2/images/{image_id}/file"
            if tool == "ours":
                up = [ours, "upload", "image", path, self.source]
                down = [ours, "download", "image", path, "/dev/null"]
            else:
                up = curl_auth + ["-X", "PUT", "-H", "Content-Type: application/octet-stream",
                                  "-T", self.source, self.glance + path]
                down = curl_auth + [self.glance + path]
            if self.timed("image-upload", tool, up) is not None:
                self.timed("image-download", tool, down)
        finally:
            if image_id:
                self.delete_image(image_id)

    def object_round(self, tool, round_no, container, ours, osc, curl_auth):
        name = f"{tool}-{round_no}"
        path = f"/{container}/{name}"
        try:
            if tool == "osc":
                up = [osc, "object", "create", "--name", name, container, self.source]
                down = [osc, "object", "save", "--file", "/dev/null", container, name]
            elif tool == "ours" and self.cli:
                up = [self.cli, "object", "create", "--name", name, container, self.source, "-f", "value"]
                down = [self.cli, "object", "save", "--file", "/dev/null", container, name]
            elif tool == "ours":
                up = [ours, "upload", "object-store", path, self.source]
                down = [ours, "download", "object-store", path, "/dev/null"]
            else:
                up = curl_auth + ["-T", self.source, self.swift + path]
                down = curl_auth + [self.swift + path]
            if self.timed("object-upload", tool, up) is not None:
                self.timed("object-download", tool, down)
        finally:
            http("DELETE", f"{self.swift}{path}", self.token, ok=(204, 404))

    def results(self, display, row_titles=None, tools=("ours", "osc", "curl")):
        """The rows for results.json: per key, per tool, median seconds and MiB/s, highest peak RSS."""
        rows = []
        for key, title in row_titles or TRANSFER_ROWS:
            row = {"key": key, "title": title, "results": {}, "skipped": {}, "commands": {}}
            for tool in tools:
                runs = self.samples.get((key, tool))
                if runs:
                    seconds = statistics.median(r["seconds"] for r in runs)
                    row["results"][tool] = {"median": seconds, "mib_s": GIB / seconds / 2**20,
                                            "peak_kb": max(r["peak_kb"] for r in runs), "runs": len(runs),
                                            "times": [r["seconds"] for r in runs]}
                if (key, tool) in self.skipped:
                    row["skipped"][tool] = self.skipped[(key, tool)]
                if (key, tool) in self.commands:
                    row["commands"][tool] = " ".join(display_arg(a, display) for a in self.commands[(key, tool)])
            rows.append(row)
        return rows


TRANSFER_ROWS = (
    ("image-upload", "1 GiB image upload (ours, curl: PUT /v2/images/{id}/file; OSC: `image create --file`)"),
    ("image-download", "1 GiB image download to /dev/null (GET /v2/images/{id}/file; OSC: `image save`)"),
    ("object-upload", "1 GiB object upload (curl: PUT /{container}/{object}; ours and OSC: `object create`)"),
    ("object-download", "1 GiB object download to /dev/null (curl: GET; ours and OSC: `object save`)"),
)


# ---------------------------------------------------------------------------------------------------------------
# Data rows (`--only data`, issues 14 and 18): the real `openstack` commands moving 1 GiB through Glance and Swift,
# listing 10,000 objects and 500 images, and the Python bridge (osc-placement's `resource provider list`, and
# `command list` with the bridge's manifest cached). Kept apart from the transfer rows above (which time the layer
# through a driver) so that both can be compared.

DATA_PREFIX = "osc-rs-bench-data"
# The 10,000 objects stay between runs (made once, checked by count): a container of their own, never listed by
# the compat cases. Another bench uses `bench-stream-10k`.
LIST_CONTAINER = "bench-list-10k"
LIST_OBJECTS = 10000
# The 500 images belong to a project of their own (listed with `image list --project <id>`), so that nothing else
# in the shared devcloud is in the list, and exist only under the image cases' lock: made, measured, deleted.
IMAGE_PROJECT = "osc-rs-bench-images"
LIST_IMAGES = 500
BRIDGE_VENV = os.path.expanduser("~/.cache/openstack-rs/venv-bridge")


def debug_requests(runner, argv, env):
    """The requests ours makes for argv, from the `REQ: curl ...` lines of --debug: [(method, url, headers)]."""
    proc = runner.run([argv[0], "--debug"] + argv[1:], env)
    found = []
    for line in proc.stderr.splitlines():
        if not line.startswith("REQ: curl "):
            continue
        words = shlex.split(line[len("REQ: "):])
        method, url, headers = "GET", None, []
        i = 1
        while i < len(words):
            word = words[i]
            if word == "-X":
                method, i = words[i + 1], i + 2
                continue
            if word == "-H":
                name = words[i + 1].split(":", 1)[0].lower()
                if name not in ("x-auth-token", "user-agent", "content-length", "accept-encoding", "connection"):
                    headers.append(words[i + 1])
                i += 2
                continue
            if word.startswith("http"):
                url = word
            i += 1
        if url:
            # keystoneauth logs an empty list parameter (`required=[]`) that requests leaves out of the URL
            url = re.sub(r"[?&][^=&]+=%5B%5D(?=&|$)", "", url)
            if "?" not in url and "&" in url:
                url = url.replace("&", "?", 1)
            found.append((method, url, headers))
    return found


def curl_chain(curl, header_file, requests):
    """One curl process making the same GETs in turn (--next: one connection reused where the server allows)."""
    argv = []
    for method, url, headers in requests:
        if method != "GET":
            raise RuntimeError(f"curl_chain: {method} {url} is not a GET")
        part = (curl if not argv else ["--next"] + curl[1:]) + ["-H", f"@{header_file}"]
        for header in headers:
            part += ["-H", header]
        argv += part + [url]
    return argv


class Data:
    """The `--only data` rows. Transfers are timed one process at a time (GNU time: wall clock and peak RSS), the
    lists and the bridge through the Runner's hyperfine rounds."""

    def __init__(self, runner, args, ours, osc, curl, header_file, token, catalog, tmp):
        self.runner, self.args, self.ours, self.osc = runner, args, ours, osc
        self.curl, self.header_file, self.token, self.tmp = curl, header_file, token, tmp
        self.glance = endpoint(catalog, "image")
        self.swift = endpoint(catalog, "object-store")
        self.placement = endpoint(catalog, "placement")
        self.transfers = Transfers(runner, token, catalog, None)
        self.benches = []
        self.memory = {}

    # -- 1 GiB through the commands --------------------------------------------------------------------------

    def transfer(self, source, rounds):
        t = self.transfers
        t.source = source
        container = DATA_PREFIX
        t.delete_leftovers(container)
        self.delete_images(DATA_PREFIX)
        http("PUT", f"{self.swift}/{container}", self.token, ok=(201, 202, 204))
        tools = ["ours", "curl", "osc"]
        try:
            for round_no in range(rounds):
                order = tools if round_no % 2 == 0 else list(reversed(tools))
                for tool in order:
                    self.image_round(tool, round_no)
                    self.object_round(tool, round_no, container)
                # curl piped into sha512sum: the download plus the digest openstacksdk (so ours) checks.
                self.image_round("curl+sha512sum", round_no)
        finally:
            t.delete_leftovers(container)
            self.delete_images(DATA_PREFIX)

    def delete_images(self, prefix):
        _, _, body = http("GET", f"{self.glance}/v2/images?limit=1000", self.token)
        for image in body.get("images", []):
            if (image.get("name") or "").startswith(prefix):
                self.transfers.delete_image(image["id"])

    def image_round(self, tool, round_no):
        t = self.transfers
        name = f"{DATA_PREFIX}-{tool.replace('+', '-')}-{round_no}"
        auth = ["-H", f"@{self.header_file}"]
        image_id = None
        try:
            if tool in ("ours", "osc"):
                exe = self.ours if tool == "ours" else self.osc
                out = t.timed("data-image-create", tool, [
                    exe, "image", "create", "--file", t.source, "--disk-format", "raw", "--container-format",
                    "bare", "-f", "value", "-c", "id", name])
                image_id = out.strip() if out else None
                if image_id:
                    t.timed("data-image-save", tool, [exe, "image", "save", "--file", "/dev/null", image_id])
                return
            if tool == "curl":
                # ours' requests (--debug): POST the record, PUT the data, GET the image; the ID passed on by sed.
                body = os.path.join(self.tmp, "image.json")
                with open(body, "w") as f:
                    json.dump({"name": name, "disk_format": "raw", "container_format": "bare"}, f)
                url = self.glance + "/v2/images"
                script = (
                    'set -eo pipefail; id=$("$0" -sSf -H "@$1" -H "Content-Type: application/json" -d "@$2" "$3" '
                    '| sed -n \'s/.*"id": *"\\([0-9a-f-]*\\)".*/\\1/p\'); '
                    '"$0" -sSf -o /dev/null -H "@$1" -X PUT -H "Content-Type: application/octet-stream" -T "$4" '
                    '"$3/$id/file" --next -sSf -o /dev/null -H "@$1" "$3/$id"; echo "$id"')
                out = t.timed("data-image-create", tool, ["bash", "-c", script, self.curl[0], self.header_file,
                                                         body, url, t.source])
                image_id = out.strip() if out else None
                if not image_id:
                    return
            else:
                image_id = t.new_image(name)
                # the data, by curl (not timed): this tool's row times the download
                self.runner.run(self.curl + auth + ["-X", "PUT", "-H", "Content-Type: application/octet-stream",
                                                    "-T", t.source, f"{self.glance}/v2/images/{image_id}/file"])
            # ours' requests for `image save`: the image twice (find, then the hashes), then its data.
            gets = [("GET", f"{self.glance}/v2/images/{image_id}", []),
                    ("GET", f"{self.glance}/v2/images/{image_id}", []),
                    ("GET", f"{self.glance}/v2/images/{image_id}/file", [])]
            if tool == "curl":
                t.timed("data-image-save", tool, curl_chain(self.curl, self.header_file, gets))
            else:
                # the data through sha512sum, as ours digests it (the two small GETs first, then the file)
                chain = curl_chain(self.curl, self.header_file, gets[:2]) + [
                    "--next", "-sSf", "-H", f"@{self.header_file}", gets[2][1]]
                t.timed("data-image-save", tool,
                        ["bash", "-c", 'set -o pipefail; "$@" | sha512sum >/dev/null', "bash"] + chain)
        finally:
            if image_id:
                t.delete_image(image_id)

    def object_round(self, tool, round_no, container):
        t = self.transfers
        name = f"{tool}-{round_no}"
        path = f"/{container}/{name}"
        try:
            if tool in ("ours", "osc"):
                exe = self.ours if tool == "ours" else self.osc
                up = [exe, "object", "create", "--name", name, container, t.source]
                down = [exe, "object", "save", "--file", "/dev/null", container, name]
            else:
                up = self.curl + ["-H", f"@{self.header_file}", "-T", t.source, self.swift + path]
                down = self.curl + ["-H", f"@{self.header_file}", self.swift + path]
            if t.timed("data-object-create", tool, up) is not None:
                t.timed("data-object-save", tool, down)
        finally:
            http("DELETE", f"{self.swift}{path}", self.token, ok=(204, 404))

    # -- lists ---------------------------------------------------------------------------------------------------

    def peak_once(self, argv, bench):
        """One max-RSS reading of GNU time, in KiB (the data rows' commands take seconds each)."""
        out = os.path.join(self.tmp, "time.out")
        if self.runner.run([self.runner.tools["time"], "-f", "%M", "-o", out] + argv,
                           self.runner.env_for(bench)).returncode != 0:
            return None
        with open(out) as f:
            return int(f.read().strip().splitlines()[-1])

    def ensure_objects(self):
        """bench-list-10k with exactly its 10,000 empty objects (made once; missing ones added)."""
        url = f"{self.swift}/{LIST_CONTAINER}"
        status, headers, _ = http("HEAD", url, self.token, ok=(200, 204, 404))
        if status == 404:
            http("PUT", url, self.token, ok=(201,))   # (an existing container would answer 202 "Accepted", not JSON)
        elif int(headers.get("X-Container-Object-Count", 0)) >= LIST_OBJECTS:
            return
        have, marker = set(), ""
        while True:
            _, _, page = http("GET", f"{url}?format=json&marker={marker}", self.token, ok=(200, 204))
            if not page:
                break
            have.update(o["name"] for o in page)
            marker = urllib.request.quote(page[-1]["name"])
        missing = [f"obj-{i:05d}" for i in range(LIST_OBJECTS) if f"obj-{i:05d}" not in have]
        started = time.monotonic()

        def put(name):
            request = urllib.request.Request(f"{url}/{name}", data=b"", method="PUT")
            request.add_header("X-Auth-Token", self.token)
            with urllib.request.urlopen(request, timeout=60):
                pass

        pool = concurrent.futures.ThreadPoolExecutor(8)
        try:
            list(pool.map(put, missing))
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        log(f"created {len(missing)} objects in {LIST_CONTAINER} in {time.monotonic() - started:.1f} s")

    def image_project(self):
        _, _, body = http("GET", f"{AUTH_URL}/projects?name={IMAGE_PROJECT}", self.token)
        if body.get("projects"):
            return body["projects"][0]["id"]
        _, _, body = http("POST", AUTH_URL + "/projects", self.token, {"project": {
            "name": IMAGE_PROJECT, "domain_id": "default",
            "description": "scripts/bench: the 500 images of `image list` (deleted after the run)"}})
        return body["project"]["id"]

    def project_images(self, project_id):
        ids, url = [], f"{self.glance}/v2/images?owner={project_id}&limit=1000"
        while url:
            _, _, body = http("GET", url, self.token)
            ids += [i["id"] for i in body.get("images", [])]
            url = self.glance + body["next"] if body.get("next") else None
        return ids

    def create_images(self, project_id):
        have = len(self.project_images(project_id))
        started = time.monotonic()

        def create(i):
            http("POST", self.glance + "/v2/images", self.token,
                 {"name": f"bench-image-{i:03d}", "disk_format": "raw", "container_format": "bare",
                  "owner": project_id})

        pool = concurrent.futures.ThreadPoolExecutor(4)
        try:
            list(pool.map(create, range(have, LIST_IMAGES)))
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        log(f"created {LIST_IMAGES - have} images in project {IMAGE_PROJECT} in {time.monotonic() - started:.1f} s")

    def delete_project_images(self, project_id):
        ids = self.project_images(project_id)
        pool = concurrent.futures.ThreadPoolExecutor(4)
        try:
            list(pool.map(self.transfers.delete_image, ids))
        finally:
            pool.shutdown(wait=True)
        if ids:
            log(f"deleted {len(ids)} images of project {IMAGE_PROJECT}")

    def measure_list(self, key, title, argv_tail, env=None):
        ours_argv = [self.ours] + argv_tail
        requests = debug_requests(self.runner, ours_argv, self.runner.env_for(Bench("", "", {}, env=env)))
        bench = Bench(key, title + f" (curl: ours' {len(requests)} GETs)",
                      {"ours": ours_argv, "osc": [self.osc] + argv_tail,
                       "curl": curl_chain(self.curl, self.header_file, requests)}, env=env, group="data")
        self.runner.measure(bench)
        self.runner.count_requests(bench)
        self.benches.append(bench)
        self.memory[key] = {"ours": self.peak_once(ours_argv, bench),
                            "osc": self.peak_once([self.osc] + argv_tail, bench)}

    def lists(self, image_project_id):
        self.measure_list("object-list-10k", f"`object list --all {LIST_CONTAINER}`, {LIST_OBJECTS:,} objects",
                          ["object", "list", "--all", LIST_CONTAINER])
        self.measure_list("image-list-500", f"`image list --project <id>`, {LIST_IMAGES} images",
                          ["image", "list", "--project", image_project_id])

    # -- the Python bridge -------------------------------------------------------------------------------------

    def bridge(self):
        osc_bridge = os.path.join(BRIDGE_VENV, "bin", "openstack")
        if not os.path.isfile(osc_bridge):
            log(f"bridge rows skipped: no {osc_bridge} (scripts/devcloud install makes it)")
            return
        env = {"OSC_PYTHON_PLUGINS": BRIDGE_VENV}
        # fills the bridge's manifest cache (Python asked once), then our token cache
        self.runner.run([self.ours, "module", "list"], self.runner.env_for(Bench("", "", {}, env=env)))
        self.runner.run([self.ours, "token", "issue"])
        argv = ["resource", "provider", "list"]
        requests = [r for r in debug_requests(self.runner, [self.ours] + argv,
                                              self.runner.env_for(Bench("", "", {}, env=env)))
                    if r[1].startswith(self.placement or "-")]
        bench = Bench("bridge-rp-list", "`resource provider list` through the Python bridge (OSC: its venv with "
                      f"osc-placement; curl: the {len(requests)} Placement GETs)",
                      {"ours": [self.ours] + argv, "osc": [osc_bridge] + argv,
                       "curl": curl_chain(self.curl, self.header_file, requests) if requests else None},
                      env=env, group="data")
        self.runner.measure(bench)
        self.runner.count_requests(bench)
        self.benches.append(bench)
        self.memory["bridge-rp-list"] = {"ours": self.peak_once([self.ours] + argv, bench),
                                         "osc": self.peak_once([osc_bridge] + argv, bench)}
        # `command list` with and without the bridge, interleaved round by round (two benches of ours alone).
        plain = Bench("command-list-nobridge", "`command list`, no Python plugins", {"ours": [self.ours, "command",
                      "list"]}, group="data")
        bridged = Bench("command-list-bridge", "`command list`, the bridge's manifest cached (osc-placement, "
                        "mistralclient)", {"ours": [self.ours, "command", "list"]}, env=env, group="data")
        pair = [plain, bridged]
        samples = {b.key: {"times": [], "user": [], "system": []} for b in pair}
        a = self.args
        for round_no in range(a.rounds * 2):
            for bench in (pair if round_no % 2 == 0 else pair[::-1]):
                out = os.path.join(self.tmp, f"hf-{bench.key}-{round_no}.json")
                proc = self.runner.run([self.runner.tools["hyperfine"], "-N", "--style", "none", "--output", "pipe",
                                        "--warmup", str(a.warmup), "--runs", str(a.runs * 3), "--export-json", out,
                                        shlex.join(bench.commands["ours"])], self.runner.env_for(bench))
                if proc.returncode != 0:
                    raise RuntimeError(f"{bench.key}: hyperfine failed: {proc.stderr.strip()[-300:]}")
                with open(out) as f:
                    result = json.load(f)["results"][0]
                s = samples[bench.key]
                s["times"].extend(result["times"])
                s["user"].append((result["user"], len(result["times"])))
                s["system"].append((result["system"], len(result["times"])))
        for bench in pair:
            s = samples[bench.key]
            n = len(s["times"])
            bench.results["ours"] = {"median": statistics.median(s["times"]), "min": min(s["times"]), "runs": n,
                                     "user": sum(u * k for u, k in s["user"]) / n,
                                     "system": sum(u * k for u, k in s["system"]) / n}
            self.runner.count_requests(bench)
            self.benches.append(bench)
            log(f"{bench.key}: {bench.results['ours']['median'] * 1000:.2f} ms")

    def result(self, display):
        def shown(argv):
            return " ".join(display_arg(arg, display) for arg in argv)

        rows = self.transfers.results(display, DATA_TRANSFER_ROWS, ("ours", "curl", "curl+sha512sum", "osc"))
        return {
            "transfers": rows,
            "benches": [{"key": b.key, "title": b.title, "group": b.group,
                         "commands": {t: shown(a) for t, a in b.commands.items()},
                         "env": {k: shown([v]) for k, v in b.env.items()},
                         "results": b.results, "skipped": b.skipped, "probe": b.probe} for b in self.benches],
            "memory_kb": self.memory,
        }


DATA_TRANSFER_ROWS = (
    ("data-image-create", "`image create --file`, 1 GiB (curl: ours' POST, PUT of the data, GET)"),
    ("data-image-save", "`image save --file /dev/null`, 1 GiB (curl: ours' three GETs; "
                        "curl+sha512sum: the data also through `sha512sum`, the digest ours checks)"),
    ("data-object-create", "`object create`, 1 GiB (curl: the same PUT)"),
    ("data-object-save", "`object save --file /dev/null`, 1 GiB (curl: the same GET)"),
)

# ---------------------------------------------------------------------------------------------------------------

@contextlib.contextmanager
def compat_locks(clouds, areas, who):
    """Holds compat's per-service exclusive locks (scripts/compat takes the same: its cases list what is there)."""
    with contextlib.ExitStack() as stack:
        log(f"{who}: waiting for the {' and '.join(areas)} cases' exclusive locks on the devcloud")
        for area in areas:
            lock = stack.enter_context(open(os.path.join(os.path.dirname(clouds), f"compat-{area}.lock"), "a"))
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def merge_into(path, key, value):
    """Sets one key of the results file, the rest kept (an `--only` run)."""
    merged = {}
    if os.path.isfile(path):
        with open(path) as f:
            merged = json.load(f)
    merged[key] = value
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as f:
        json.dump(merged, f, indent=1)


def display_arg(arg, display):
    """One argument as the report shows it: real paths replaced by placeholders such as $TMP, quoted for a shell
    (double quotes where needed, so that the placeholders still expand when the line is pasted)."""
    for real, alias in sorted(display.items(), key=lambda kv: -len(kv[0])):
        arg = arg.replace(real, alias)
    if re.fullmatch(r"[\w@%+=:,./$-]+", arg):
        return arg
    return '"' + re.sub(r'(["\\`])', r"\\\1", arg) + '"'


def which(name):
    path = shutil.which(name)
    if not path:
        sys.exit(f"bench: {name} not found (scripts/bench installs it)")
    return path


def first_line(argv, env=None):
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)
    except OSError:
        return "?"
    text = (proc.stdout.strip() or proc.stderr.strip() or "?").splitlines()
    return text[0].strip()


def machine():
    info = {"date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
            "kernel": f"{platform.system()} {platform.release()}", "cores": os.cpu_count()}
    info["cpu"] = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as f:
            info["ram_gb"] = round(int(f.readline().split()[1]) / 1024 / 1024, 1)
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    info["os"] = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return info


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", required=True)
    parser.add_argument("--bin-dir", required=True)
    parser.add_argument("--results", required=True)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", choices=("transfer", "batch", "data", "services"),
                        help="measure only these rows and merge them into the results file (the rest kept)")
    args = parser.parse_args()
    # The 1 GiB transfers: rounds per tool (each moves 2 GiB per service per tool).
    args.transfer_rounds = 1 if args.quick else 3
    # rounds x runs for fast commands (x5 runs), slow_rounds x slow_runs for the others; OSC: osc_runs in all.
    if args.quick:
        args.rounds, args.runs, args.slow_rounds, args.slow_runs, args.osc_runs, args.warmup = 1, 10, 3, 3, 3, 1
    else:
        args.rounds, args.runs, args.slow_rounds, args.slow_runs, args.osc_runs, args.warmup = 3, 30, 12, 5, 6, 2

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    ours = os.path.join(args.bin_dir, "openstack")
    # The bench driver for the transfer rows (crates/openstack-sdk/examples/transfer.rs): `openstack` has no
    # `image create --file` / `object create` yet, so this drives the layer's streamed transfer path directly.
    driver = os.path.join(args.bin_dir, "examples", "transfer")
    osc = os.environ.get("OSC_REF") or sys.exit("bench: OSC_REF is not set (eval \"$(scripts/devcloud env)\")")
    clouds = os.environ.get("OS_CLIENT_CONFIG_FILE") or sys.exit("bench: OS_CLIENT_CONFIG_FILE is not set")
    tools = {name: which(name) for name in ("hyperfine", "curl", "strace")}
    tools["time"] = "/usr/bin/time"

    tmp = tempfile.mkdtemp(prefix="osc-rs-bench-")   # mode 0700
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OS_", "OSC_", "CLIFF_"))}
    env.update({"PATH": BASE_PATH, "OS_CLOUD": "devcloud", "OS_CLIENT_CONFIG_FILE": clouds, "LC_ALL": "C.UTF-8",
                "XDG_CACHE_HOME": os.path.join(tmp, "cache"), "XDG_DATA_HOME": os.path.join(tmp, "data")})
    env.pop("COLUMNS", None)
    display = {ours: "openstack", osc: "$OSC_REF", tools["curl"]: "curl", tmp: "$TMP", BASE_PATH: "$PATH",
               driver: "target/release/examples/transfer"}
    runner = Runner(args, tools, env, tmp, display)
    results = {"machine": machine(), "mode": "quick" if args.quick else "full",
               "settings": {"rounds": args.rounds, "runs": args.runs, "slow_rounds": args.slow_rounds,
                            "slow_runs": args.slow_runs, "osc_runs": args.osc_runs, "warmup": args.warmup},
               "load_before": os.getloadavg()}
    token = None
    try:
        results["versions"] = {
            "ours": first_line([ours, "--version"]), "osc": first_line([osc, "--version"]),
            "curl": first_line([tools["curl"], "--version"]), "hyperfine": first_line([tools["hyperfine"], "--version"]),
            "python": platform.python_version(), "rustc": first_line(["rustc", "--version"]),
        }
        git = ["git", "-C", args.repo]
        results["commit"] = first_line(git + ["describe", "--always", "--dirty"])

        # Files for curl: the password in the POST body, the token in a header line.
        auth_file = os.path.join(tmp, "auth.json")
        with open(os.open(auth_file, os.O_WRONLY | os.O_CREAT, 0o600), "w") as f:
            json.dump(auth_body(), f)
        token, catalog = issue_token()
        header_file = os.path.join(tmp, "token.header")
        with open(os.open(header_file, os.O_WRONLY | os.O_CREAT, 0o600), "w") as f:
            f.write(f"X-Auth-Token: {token}\n")
        curl = [tools["curl"], "-sSf", "-o", "/dev/null"]
        curl_get = curl + ["-H", "Accept: application/json", "-H", f"@{header_file}"]

        def measure_transfers():
            """The 1 GiB rows, under the devcloud's exclusive lock (compat cases list images and objects)."""
            with compat_locks(clouds, ("image", "object-store"), "transfers"):
                source = os.path.join(tmp, "gib.raw")
                make_source(source)
                load = os.getloadavg()
                transfers = Transfers(runner, issue_token()[0], catalog, source)
                transfers.cli = ours
                transfers.run(driver, osc, curl, header_file, args.transfer_rounds)
                return {"rounds": args.transfer_rounds, "load_before": load, "load_after": os.getloadavg(),
                        "date": machine()["date"], "mode": results["mode"],
                        "rows": transfers.results(display)}

        def measure_batches():
            with open(os.path.join(os.path.dirname(clouds), "compat-identity.lock"), "a") as lock:
                log("batches: waiting for the identity cases' exclusive lock on the devcloud")
                fcntl.flock(lock, fcntl.LOCK_EX)
                load = os.getloadavg()
                runner.run([ours, "token", "issue"])   # our token cache, as a user's
                batches = Batches(runner, ours, osc, args.repo)
                try:
                    batches.deletes(issue_token()[0])
                    batches.devstack()
                finally:
                    delete_bench_domain(issue_token()[0])
                    batches.devstack_reset()
                return {"load_before": load, "load_after": os.getloadavg(), "date": machine()["date"],
                        "rows": batches.rows}

        def measure_data():
            """The data rows (class Data): the 10,000-object list, the bridge, then under the image and
            object-store cases' locks the 1 GiB transfers through the commands and the 500-image list."""
            load = os.getloadavg()
            started = machine()["date"]
            data_args = argparse.Namespace(**vars(args))
            # Lists that take seconds (on the loaded 2 cores of 2026-12-07, 15-33 s for the 10,000 objects): fewer
            # rounds than the other server rows.
            data_args.slow_rounds, data_args.slow_runs, data_args.osc_runs = (2, 1, 1) if args.quick else (3, 2, 2)
            data_runner = Runner(data_args, tools, env, tmp, display)
            data_rounds = 1 if args.quick else 2   # 1 GiB rounds: each moves 4 GiB per tool
            display[os.path.expanduser("~/.cache/openstack-rs")] = "$HOME/.cache/openstack-rs"
            runner.run([ours, "token", "issue"])   # our token cache, as a user's
            data = Data(data_runner, data_args, ours, osc, curl, header_file, issue_token()[0], catalog, tmp)
            data.ensure_objects()
            data.measure_list("object-list-10k", f"`object list --all {LIST_CONTAINER}`, {LIST_OBJECTS:,} objects",
                              ["object", "list", "--all", LIST_CONTAINER])
            data.bridge()
            with compat_locks(clouds, ("image", "object-store"), "data"):
                source = os.path.join(tmp, "gib.raw")
                if not os.path.isfile(source) or os.path.getsize(source) != GIB:
                    make_source(source)
                data.transfer(source, data_rounds)
                os.remove(source)
                project_id = data.image_project()
                display[project_id] = "$IMAGE_PROJECT_ID"
                try:
                    data.create_images(project_id)
                    data.measure_list("image-list-500", f"`image list --project <id>`, {LIST_IMAGES} images",
                                      ["image", "list", "--project", project_id])
                finally:
                    data.delete_project_images(project_id)
                    http("DELETE", f"{AUTH_URL}/projects/{project_id}", issue_token()[0], ok=(204, 404))
            return {"rounds": data_rounds, "load_before": load, "load_after": os.getloadavg(),
                    "date": started, "mode": results["mode"],
                    "settings": {"slow_rounds": data_args.slow_rounds, "slow_runs": data_args.slow_runs,
                                 "osc_runs": data_args.osc_runs, "rounds": data_args.rounds * 2,
                                 "runs": data_args.runs * 3},
                    **data.result(display)}

        if args.only == "data":
            data = measure_data()
            merge_into(args.results, "data", data)
            for row in data["transfers"]:
                cells = ", ".join(f"{t} {r['mib_s']:.0f} MiB/s {r['peak_kb'] / 1024:.1f} MB"
                                  for t, r in row["results"].items())
                print(f"{row['key']}: {cells}")
            for bench in data["benches"]:
                cells = ", ".join(f"{t} {r['median'] * 1000:.1f} ms" for t, r in bench["results"].items())
                print(f"{bench['key']}: {cells}")
            log(f"data rows merged into {args.results}")
            return 0

        def measure_services():
            """The compute, network and volume rows (scripts/bench.d/services.py) in the project bench-services."""
            load = os.getloadavg()
            started = time.monotonic()
            admin_token, admin_catalog = issue_token()
            _, _, body = http("GET", AUTH_URL + "/auth/tokens", admin_token, extra={"X-Subject-Token": admin_token})
            data = services.ServiceData(http, log, AUTH_URL, admin_token, admin_catalog,
                                        body["token"]["project"]["id"], endpoint, tmp)
            services_clouds = os.path.join(tmp, "clouds-services.yaml")
            services_env = dict(env, OS_CLOUD="bench-services", OS_CLIENT_CONFIG_FILE=services_clouds)
            try:
                setup = data.ensure()
                data.clouds_yaml(services_clouds)
                services_header = os.path.join(tmp, "services-token.header")
                with open(os.open(services_header, os.O_WRONLY | os.O_CREAT, 0o600), "w") as f:
                    f.write(f"X-Auth-Token: {data.token}\n")
                # Fewer runs than the other rows: Nova takes 3-6 s to list 200 servers on a loaded machine, Neutron
                # about 1 s for 1,000 ports; OSC adds 1-2 s of start-up to each.
                fewer = argparse.Namespace(**dict(vars(args), slow_rounds=min(args.slow_rounds, 2),
                                                  slow_runs=min(args.slow_runs, 3), osc_runs=min(args.osc_runs, 2)))
                shown_as = dict(display, **{services_clouds: "$TMP/clouds-services.yaml",
                                            services_header: "$TMP/services-token.header"})
                srunner = Runner(fewer, tools, services_env, tmp, shown_as)
                srunner.run([ours, "token", "issue"])   # our token cache, as a user's
                rows = services.Rows(srunner, Bench, data, ours, osc, curl, services_header, args.quick)
                rows.lists()
                memory = {"port-list": srunner.peak_kb([ours, "port", "list"]),
                          "server-list": srunner.peak_kb([ours, "server", "list"]),
                          "volume-list-long": srunner.peak_kb([ours, "volume", "list", "--long"])}
                for step in (rows.rule_create, rows.volume_create, rows.server_waits):
                    try:
                        step()
                    except (RuntimeError, OSError, ValueError, KeyError, TypeError, IndexError) as error:
                        # the other rows still count
                        log(f"services: {step.__name__} failed: {error}")
            finally:
                if os.environ.get("BENCH_KEEP_SERVICES") == "1":
                    log("services: data kept (BENCH_KEEP_SERVICES=1)")
                else:
                    data.clouds_yaml(services_clouds)
                    data.delete(ours, services_env)

            def shown(argv):
                return " ".join(display_arg(arg, display) for arg in argv) if argv else None

            return {"load_before": load, "load_after": os.getloadavg(), "date": machine()["date"],
                    "mode": results["mode"], "seconds": time.monotonic() - started, "setup_seconds": setup,
                    "counts": rows.counts, "memory_kb": memory, "lags": rows.lags,
                    "sizes": {"servers": rows.n_servers, "ports": rows.n_ports, "rules": rows.n_rules,
                              "volumes": rows.n_volumes},
                    "benches": [{"key": b.key, "title": b.title, "group": b.group,
                                 "commands": {t: shown(a) for t, a in b.commands.items()},
                                 "results": b.results, "skipped": b.skipped, "probe": b.probe}
                                for b in srunner.benches],
                    "timed": [dict(r, commands={t: shown(a) for t, a in r["commands"].items()})
                              for r in rows.created]}

        if args.only == "services":
            svc = measure_services()
            merge_into(args.results, "services", svc)
            for b in svc["benches"]:
                cells = ", ".join(f"{t} {r['median'] * 1000:.1f} ms" for t, r in b["results"].items())
                r = b["results"].get("ours")
                cpu = f", ours CPU {(r['user'] + r['system']) * 1000:.1f} ms" if r else ""
                c = svc["counts"].get(b["key"], {})
                req = ", requests ours/OSC (API) {}/{}".format(c.get("ours", {}).get("api"),
                                                              c.get("osc", {}).get("api")) if c else ""
                print(f"{b['key']}: {cells}{cpu}{req}")
            for row in svc["timed"]:
                print(row["key"] + ": " + ", ".join(f"{t} {r['median']:.2f} s" for t, r in row["results"].items()))
            for lag in svc["lags"]:
                print(f"--wait lag: {lag['tool']} {lag['what']} {lag['lag']:.2f} s (command {lag['seconds']:.1f} s)")
            log(f"services rows merged into {args.results}")
            return 0

        if args.only == "batch":
            batch = measure_batches()
            merge_into(args.results, "batches", batch)
            for row in batch["rows"]:
                print(row["key"] + ": " + ", ".join(f"{t} {s:.1f} s" for t, s in row["seconds"].items())
                      + (f" (failures: {row['failed']})" if row["failed"] else ""))
            return 0

        if args.only == "transfer":
            transfer = measure_transfers()
            merge_into(args.results, "transfers", transfer)
            for row in transfer["rows"]:
                cells = ", ".join(f"{t} {r['mib_s']:.0f} MiB/s {r['peak_kb'] / 1024:.1f} MB"
                                  for t, r in row["results"].items())
                print(f"{row['key']}: {cells}")
            log(f"transfer rows merged into {args.results}")
            return 0

        # Three external plugins in a PATH directory of their own.
        plugin_dir = os.path.join(tmp, "plugins")
        os.makedirs(plugin_dir)
        plugins = []
        # openstack-mistral is a third plugin only while Mistral is not built in (else ours warns that it is
        # shadowed, on every run).
        builtin = runner.run([ours, "command", "list", "-f", "value"]).stdout
        mistral_builtin = "'workflow list'" in builtin   # -f value prints each group's list as Python does
        results["mistral_builtin"] = mistral_builtin
        for name, src in (("openstack-runit", os.path.join(args.bin_dir, "openstack-runit")),
                          ("openstack-pyhello", os.path.join(args.repo, "tests/plugins/openstack-pyhello")),
                          ("openstack-mistral", os.path.join(args.bin_dir, "openstack-mistral"))):
            if name == "openstack-mistral" and mistral_builtin:
                continue
            if os.path.isfile(src):
                shutil.copy2(src, os.path.join(plugin_dir, name))
                os.chmod(os.path.join(plugin_dir, name), 0o755)
                plugins.append(name)
        pyhello = os.path.join(args.repo, "tests/plugins/openstack-pyhello")
        if len(plugins) < 3 and os.path.isfile(pyhello):
            # No third plugin executable: a copy of the Python plugin with its own API name and commands.
            with open(pyhello) as f:
                text = f.read().replace("pyhello", "pyhola")
            path = os.path.join(plugin_dir, "openstack-pyhola")
            with open(path, "w") as f:
                f.write(text)
            os.chmod(path, 0o755)
            plugins.append("openstack-pyhola")
        # A cache directory of its own: the other rows measure an `openstack` without plugins (the manifest cache is
        # read whole on every start, whatever PATH holds).
        plugin_env = {"PATH": plugin_dir + ":" + BASE_PATH, "XDG_CACHE_HOME": os.path.join(tmp, "cache-plugins")}
        # Stamps a minute old: ours does not trust (so does not cache) what changed within the last second or two.
        past = time.time() - 60
        for name in plugins:
            os.utime(os.path.join(plugin_dir, name), (past, past))
        os.utime(plugin_dir, (past, past))
        runner.run([ours, "command", "list"], dict(env, **plugin_env))   # fills the manifest cache
        listed = runner.run([ours, "command", "list", "-f", "value"], dict(env, **plugin_env)).stdout
        results["plugins"] = {"installed": plugins,
                              "listed": [p for p in plugins if f"'{PLUGIN_COMMAND[p]}'" in listed]}

        log(f"measuring ({results['mode']} mode)")
        B = Bench
        # The floor: starting a process that does nothing, on this machine, now.
        runner.measure(B("floor", "floor: `/bin/true` (ours column), curl reading `file:///dev/null` (curl column)",
                         {"ours": ["/bin/true"], "curl": curl + ["file:///dev/null"]}))
        runner.measure(B("version", "`--version`", {"ours": [ours, "--version"], "osc": [osc, "--version"]}))
        runner.measure(B("help", "`--help`", {"ours": [ours, "--help"], "osc": [osc, "--help"]}))
        runner.measure(B("command-list", "`command list`",
                         {"ours": [ours, "command", "list"], "osc": [osc, "command", "list"]}))
        runner.measure(B("command-list-plugins", f"`command list`, {len(plugins)} external plugins on PATH",
                         {"ours": [ours, "command", "list"]}, env=plugin_env))
        runner.measure(B("token-issue", "`token issue`, no token cache (curl: the same POST)",
                         {"ours": [ours, "--no-token-cache", "token", "issue"], "osc": [osc, "token", "issue"],
                          "curl": curl + ["-X", "POST", "-H", "Content-Type: application/json",
                                          "-d", f"@{auth_file}", AUTH_URL + "/auth/tokens"]}, group="api"))
        # keystoneauth (so OSC and ours) asks the auth URL for its versions before the POST: curl doing both.
        runner.measure(B("token-issue-2", "`token issue`, no token cache (curl: GET /v3, then the POST)",
                         {"ours": [ours, "--no-token-cache", "token", "issue"],
                          "curl": curl + [AUTH_URL, "--next"] + curl[1:] + [
                              "-X", "POST", "-H", "Content-Type: application/json", "-d", f"@{auth_file}",
                              AUTH_URL + "/auth/tokens"]}, group="api"))
        runner.run([ours, "token", "issue"])   # fills the token cache
        runner.measure(B("project-list", "`project list`, cached token (curl: one GET with the token)",
                         {"ours": [ours, "project", "list"], "osc": [osc, "project", "list"],
                          "curl": curl_get + [AUTH_URL + "/projects"]}, group="api"))
        runner.measure(B("catalog-list", "`catalog list`, cached token (curl: GET /v3/auth/catalog)",
                         {"ours": [ours, "catalog", "list"], "osc": [osc, "catalog", "list"],
                          "curl": curl_get + [AUTH_URL + "/auth/catalog"]}, group="api"))
        runner.measure(B("project-list-nocache", "`project list`, no token cache",
                         {"ours": [ours, "--no-token-cache", "project", "list"],
                          "osc": [osc, "project", "list"]}, group="api"))
        mistral = endpoint(catalog, "workflowv2")
        # The Mistral plugin: linked into ours, or the executable openstack-mistral (then on PATH for these rows).
        mistral_env = plugin_env if "openstack-mistral" in plugins else {}
        runner.run([ours, "token", "issue"], runner.env_for(B("", "", {}, env=mistral_env)))   # its token cache
        if mistral:
            runner.measure(B("workflow-list", "`workflow list` (Mistral; curl: the same GET)",
                             {"ours": [ours, "workflow", "list"], "osc": [osc, "workflow", "list"],
                              "curl": curl_get + [mistral + MISTRAL_WORKFLOWS]}, env=mistral_env, group="api"))
            runner.measure(B("execution-list", "`workflow execution list` (Mistral; curl: the same GET)",
                             {"ours": [ours, "workflow", "execution", "list"],
                              "osc": [osc, "workflow", "execution", "list"],
                              "curl": curl_get + [mistral + MISTRAL_EXECUTIONS]}, env=mistral_env, group="api"))

        memory = {}
        for key, argv in (("help", ["--help"]), ("project-list", ["project", "list"])):
            memory[key] = {"ours": runner.peak_kb([ours] + argv), "osc": runner.peak_kb([osc] + argv)}

        # The 1,000 projects exist only under the test bed's exclusive lock (scripts/compat takes the same lock), so
        # that no compat case sees them come and go.
        lock_path = os.path.join(os.path.dirname(clouds), "compat-identity.lock")
        with open(lock_path, "a") as lock:
            log("waiting for the identity cases' exclusive lock on the devcloud (compat cases in progress)")
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                delete_bench_domain(token)
                domain_id = create_bench_projects(token)
                display[domain_id] = "$DOMAIN_ID"
                for fmt in ("table", "json", "value"):
                    runner.measure(B(f"projects-1000-{fmt}", f"`project list --domain <id> -f {fmt}`, 1,000 rows "
                                                           "(curl: the same two GETs)",
                                     {"ours": [ours, "project", "list", "--domain", domain_id, "-f", fmt],
                                      "osc": [osc, "project", "list", "--domain", domain_id, "-f", fmt],
                                      "curl": curl_get + [f"{AUTH_URL}/domains/{domain_id}", "-o", "/dev/null",
                                                          f"{AUTH_URL}/projects?domain_id={domain_id}"]},
                                     group="rows"))
                _, _, body = http("GET", f"{AUTH_URL}/projects?domain_id={domain_id}", token)
                results["rows"] = len(body["projects"])
                listed = runner.run([ours, "project", "list", "--domain", domain_id, "-f", "value"])
                results["rows_ours"] = len(listed.stdout.splitlines()) if listed.returncode == 0 else None
                big = ["project", "list", "--domain", domain_id]
                memory["projects-1000"] = {"ours": runner.peak_kb([ours] + big), "osc": runner.peak_kb([osc] + big)}
                for bench in runner.benches:
                    if bench.group == "rows":
                        runner.count_requests(bench)
            finally:
                delete_bench_domain(issue_token()[0])   # a fresh token: the first may be close to expiry
        for bench in runner.benches:
            if bench.group != "rows":
                runner.count_requests(bench)

        results["transfers"] = measure_transfers()
        results["batches"] = measure_batches()
        results["data"] = measure_data()
        results["services"] = measure_services()
        results["memory_kb"] = memory
        sizes = {"openstack": os.path.getsize(ours)}
        for name in ("openstack-runit", "openstack-mistral"):
            path = os.path.join(args.bin_dir, name)
            if os.path.isfile(path):
                sizes[name] = os.path.getsize(path)
        results["sizes"] = sizes
        venv = os.path.dirname(os.path.dirname(osc))
        du = first_line(["du", "-sk", venv])
        results["osc_venv_kb"] = int(du.split()[0]) if du.split()[0].isdigit() else None
        results["load_after"] = os.getloadavg()

        def shown(argv):
            return " ".join(display_arg(arg, display) for arg in argv)

        results["benches"] = [{
            "key": b.key, "title": b.title, "group": b.group,
            "commands": {t: shown(a) for t, a in b.commands.items()},
            "env": {k: shown([v]) for k, v in b.env.items()},
            "results": b.results, "skipped": b.skipped, "probe": b.probe,
        } for b in runner.benches]
        os.makedirs(os.path.dirname(os.path.abspath(args.results)), exist_ok=True)
        with open(args.results, "w") as f:
            json.dump(results, f, indent=1)
        log(f"results in {args.results}")
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    except Interrupted as stop:
        log(f"stopped by {stop}")
        return 143
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
