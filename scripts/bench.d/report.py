#!/usr/bin/env python3
"""Turns the results of bench.py into docs/performance.md.

    report.py RESULTS.json [ANALYSIS.md] > docs/performance.md

Every figure comes from RESULTS.json (one run of scripts/bench); ANALYSIS.md (scripts/bench.d/analysis.md, written
by hand: causes of misses, profiles) is copied in as it is.
"""
import json
import sys

TOOLS = ("ours", "osc", "curl")


def ms(seconds):
    if seconds is None:
        return "–"
    return f"{seconds * 1000:.1f} ms" if seconds >= 0.01 else f"{seconds * 1000:.2f} ms"


def mb(kib):
    return "–" if kib is None else f"{kib / 1024:.1f} MB"


def ratio(a, b):
    return f"{a / b:#.3g}" if a is not None and b else "–"


def median(bench, tool):
    result = bench["results"].get(tool)
    return result["median"] if result else None


def cell(bench, tool):
    if tool in bench["results"]:
        return ms(median(bench, tool))
    if tool in bench["skipped"]:
        return "skipped¹"
    return ""


def bench_cells(b):
    """A benchmark's medians (ours, OSC, curl), our CPU time, and our requests, connections, child processes."""
    o, p, c = (median(b, t) for t in TOOLS)
    r = b["results"].get("ours")
    cpu = ms(r["user"] + r["system"]) if r else "–"
    probe = b.get("probe") or {}
    counts = f"{probe['requests']}, {probe['connects']}, {probe['children']}" if probe else "–"
    return o, p, c, cpu, counts


def transfer_table(rows, speed_tools, w):
    """A table of 1 GiB transfer rows: throughput per tool in `speed_tools`, ours/curl, peak RSS; failures below."""
    for row in rows:
        r = row["results"]

        def speed(tool):
            if tool in r:
                return f"{r[tool]['mib_s']:.0f} MiB/s ({r[tool]['median']:.1f} s)"
            return "failed¹" if tool in row["skipped"] else "–"

        def peak(tool):
            return mb(r[tool]["peak_kb"]) if tool in r else "–"

        rel = ratio(r["ours"]["mib_s"], r["curl"]["mib_s"]) if "ours" in r and "curl" in r else "–"
        speeds = " | ".join(speed(tool) for tool in speed_tools)
        w(f"| {row['title']} | {speeds} | {rel} | {peak('ours')} | {peak('curl')} | {peak('osc')} |")
    w("")
    failures = [f"{row['key']}, {t}: {why}" for row in rows for t, why in row["skipped"].items()]
    if failures:
        w("¹ Failed runs:\n")
        for note in failures:
            w(f"- {note}")
        w("")

# The data rows (`scripts/bench --only data`, results["data"]: issues 14 and 18), rendered apart from the rest.

DATA_TOOLS = ("ours", "curl", "curl+sha512sum", "osc")


def data_section(data, w):
    """The data rows' tables: 1 GiB through the commands, the long lists, the Python bridge."""
    if not data:
        return
    w("## Data: 1 GiB through the commands, long lists, the Python bridge\n")
    lb, la = data["load_before"][0], data["load_after"][0]
    st = data["settings"]
    w(f"Measured {data['date']} ({data['mode']} mode; load average {lb:.1f} before, {la:.1f} after: the machine is "
      "shared with other sessions, so absolute figures move with the load; medians, and ratios within a row, are "
      "what to read). The transfers are the real commands, each run timed alone (wall clock of the whole process, "
      "start-up and authentication included: a token cache hit for ours, curl's token issued beforehand) under "
      f"GNU time, {data['rounds']} rounds with the tools in alternating order; MiB/s = 1024 / median seconds; peak "
      "RSS the highest reading. The source is 1 GiB of random bytes in a file; downloads go to `/dev/null`. "
      f"The lists and the bridge rows: hyperfine, {st['slow_rounds']} interleaved rounds of {st['slow_runs']} runs "
      f"(OSC {st['osc_runs']} runs in all); the two `command list` rows {st['rounds']} interleaved rounds of "
      f"{st['runs']} runs each.\n")
    w("| 1 GiB | ours | curl | curl + sha512sum | OSC | ours/curl | ours peak RSS | curl | OSC |")
    w("|---|---|---|---|---|---|---|---|---|")
    transfer_table(data["transfers"], DATA_TOOLS, w)
    mem = data.get("memory_kb", {})
    w("| benchmark | ours | OSC | curl | ours/OSC | ours/curl | ours CPU (user+sys) | ours: HTTP requests, "
      "connections, child processes | peak RSS ours / OSC |")
    w("|---|---|---|---|---|---|---|---|---|")
    for b in data["benches"]:
        o, p, c, cpu, counts = bench_cells(b)
        m = mem.get(b["key"])
        peaks = f"{mb(m['ours'])} / {mb(m['osc'])}" if m else "–"
        w(f"| {b['title']} | {cell(b, 'ours')} | {cell(b, 'osc')} | {cell(b, 'curl')} | {ratio(o, p)} | "
          f"{ratio(o, c)} | {cpu} | {counts} | {peaks} |")
    w("")
    notes = [f"{b['key']}, {tool}: {why}" for b in data["benches"] for tool, why in b["skipped"].items()]
    if notes:
        w("Skipped (the command failed when probed): " + "; ".join(notes) + "\n")


def data_targets(data, target):
    """The targets of issues 14 and 18, from the data rows."""
    if not data:
        return
    for row in data["transfers"]:
        r = row["results"]
        key = row["key"].removeprefix("data-")
        if "ours" in r and "curl" in r:
            rel = r["ours"]["mib_s"] / r["curl"]["mib_s"]
            extra = ""
            if "curl+sha512sum" in r:
                extra = (f"; {r['ours']['mib_s'] / r['curl+sha512sum']['mib_s']:.2f} × curl piped into sha512sum "
                         f"({r['curl+sha512sum']['mib_s']:.0f} MiB/s)")
            target(f"`{key.replace('-', ' ')}` 1 GiB: throughput ≥ 0.9 × curl's",
                   f"{rel:.2f} × ({r['ours']['mib_s']:.0f} / {r['curl']['mib_s']:.0f} MiB/s){extra}", rel >= 0.9)
        peak = r.get("ours", {}).get("peak_kb")
        target(f"`{key.replace('-', ' ')}` 1 GiB: peak RSS ≤ 20 MB",
               f"{mb(peak)} (OSC {mb(r.get('osc', {}).get('peak_kb'))})",
               None if peak is None else peak <= 20 * 1024)
    benches = {b["key"]: b for b in data["benches"]}
    b = benches.get("object-list-10k")
    if b:
        o, c = median(b, "ours"), median(b, "curl")
        target("`object list` of 10,000 objects ≤ 1.1 × curl's same requests", f"{ratio(o, c)} × ({ms(o)} / {ms(c)})",
               None if o is None or not c else o / c <= 1.1)
    b = benches.get("bridge-rp-list")
    if b:
        o, p = median(b, "ours"), median(b, "osc")
        target("`resource provider list` through the bridge faster than OSC with osc-placement",
               f"{ratio(o, p)} × ({ms(o)} / {ms(p)})", None if o is None or not p else o < p)
    plain, bridged = benches.get("command-list-nobridge"), benches.get("command-list-bridge")
    if plain and bridged:
        o, p = median(bridged, "ours"), median(plain, "ours")
        children = (bridged.get("probe") or {}).get("children")
        target("`command list`, bridge manifest cached: no Python started, ≤ 1.2 × without the bridge",
               f"{ratio(o, p)} × ({ms(o)} / {ms(p)}), {children} child processes",
               None if o is None or not p else (o / p <= 1.2 and children == 0))


def data_commands(data, w):
    """The data rows' commands, for "Reproducing"."""
    if not data:
        return
    for row in data["transfers"]:
        w(f"# {row['key']} (the last round's commands; IDs and names differ per run)")
        for tool in DATA_TOOLS:
            if tool in row["commands"]:
                w(row["commands"][tool])
    bench_commands(data["benches"], w, shorten_chain)


def bench_commands(benches, w, show=str):
    """Each benchmark's commands, under a `# key` line, its environment in front."""
    for b in benches:
        prefix = " ".join(f"{k}={val}" for k, val in b["env"].items())
        w(f"# {b['key']}")
        for tool in TOOLS:
            if tool in b["commands"]:
                w(f"{prefix + ' ' if prefix else ''}{show(b['commands'][tool])}")


def shorten_chain(command):
    """A curl chain of many GETs (`--next`) as its first two, a count and its last one."""
    parts = command.split(" --next ")
    if len(parts) <= 4:
        return command
    return " --next ".join(parts[:2]) + f" --next ... ({len(parts) - 3} more GETs) --next " + parts[-1]


def counts_cell(svc, key, tool):
    c = svc.get("counts", {}).get(key, {}).get(tool)
    return f"{c['api']} + {c['auth']}" if c else "–"


def services_section(w, svc):
    """The compute, network and volume rows (scripts/bench.d/services.py)."""
    z = svc["sizes"]
    w("## Services: compute, network, volume\n")
    w(f"Measured {svc['date']} ({svc['mode']} mode, load average {svc['load_before'][0]:.1f} before, "
      f"{svc['load_after'][0]:.1f} after; the whole mode took {svc['seconds'] / 60:.0f} min, data set-up "
      "included). The data lives in the project `bench-services`, used by a member user of the same name: "
      f"{z['servers']} servers, {z['ports']} ports, {z['rules']} security group rules, {z['volumes']} volumes. "
      "curl makes the same requests as ours (read from ours' `--debug`), in one process. Requests are counted "
      "from each CLI's `--debug` (REQ lines) as API + authentication: ours reuses its cached token, OSC "
      "logs in on every run.\n")
    w("| benchmark | ours | OSC | curl | ours/curl | ours CPU (user+sys) | requests ours | requests OSC |")
    w("|---|---|---|---|---|---|---|---|")
    for b in svc["benches"]:
        o, c = median(b, "ours"), median(b, "curl")
        r = b["results"].get("ours")
        cpu = ms(r["user"] + r["system"]) if r else "–"
        w(f"| {b['title']} | {cell(b, 'ours')} | {cell(b, 'osc')} | {cell(b, 'curl')} | {ratio(o, c)} | {cpu} | "
          f"{counts_cell(svc, b['key'], 'ours')} | {counts_cell(svc, b['key'], 'osc')} |")
    w("")
    w("Rows that create something, timed one run at a time (wall clock around the process; medians):\n")
    w("| row | ours | OSC | curl | ours/curl | ours/OSC | requests ours | requests OSC |")
    w("|---|---|---|---|---|---|---|---|")

    def sec(row, tool):
        r = row["results"].get(tool)
        return f"{r['median']:.2f} s ({r['runs']})" if r else ("failed¹" if tool in row["skipped"] else "")

    for row in svc["timed"]:
        o, p, c = (row["results"].get(t, {}).get("median") for t in TOOLS)
        w(f"| {row['title']} | {sec(row, 'ours')} | {sec(row, 'osc')} | {sec(row, 'curl')} | {ratio(o, c)} | "
          f"{ratio(o, p)} | {counts_cell(svc, row['key'], 'ours')} | {counts_cell(svc, row['key'], 'osc')} |")
    w("")
    failures = [f"{row['key']}, {t}: {why}" for row in svc["benches"] + svc["timed"]
                for t, why in row["skipped"].items()]
    if failures:
        w("¹ Failed runs:\n")
        for note in failures:
            w(f"- {note}")
        w("")
    lags = svc.get("lags", [])
    if lags:
        w("`--wait`: seconds from the state in Nova's record (`OS-SRV-USG:launched_at` when the server went ACTIVE, "
          "`OS-SRV-USG:terminated_at` when it was deleted, read back through the API afterwards) to the end of the "
          "command; both CLIs poll every 5 s:\n")
        w("| command | ours | OSC |")
        w("|---|---|---|")
        for what in ("create", "delete"):
            cells = []
            for tool in ("ours", "osc"):
                xs = [x["lag"] for x in lags if x["tool"] == tool and x["what"] == what]
                cells.append(", ".join(f"{x:.2f}" for x in xs) + " s" if xs else "–")
            w(f"| `server {what} --wait` | {cells[0]} | {cells[1]} |")
        w("")


def services_targets(target, svc):
    benches = {b["key"]: b for b in svc["benches"]}
    timed = {r["key"]: r for r in svc["timed"]}
    counts = svc.get("counts", {})
    z = svc["sizes"]

    def vs_curl(key, rows=None, cpu_bound=None):
        b = benches.get(key) or {}
        o, c = median(b, "ours") if b else None, median(b, "curl") if b else None
        if b.get("results") is None and key in timed:
            r = timed[key]["results"]
            o, c = r.get("ours", {}).get("median"), r.get("curl", {}).get("median")
        target(f"{key}: ≤ 1.1 × curl's same requests", f"{ratio(o, c)} × ({ms(o)} / {ms(c)})",
               None if o is None or not c else o / c <= 1.1)
        if cpu_bound:
            r = b.get("results", {}).get("ours")
            cpu = r["user"] + r["system"] if r else None
            target(f"{key}: our CPU < {cpu_bound * 1000:.0f} ms for {rows} rows", ms(cpu),
                   None if cpu is None else cpu < cpu_bound)

    def fewer(key):
        c = counts.get(key, {})
        o, p = c.get("ours"), c.get("osc")
        if o and p:
            target(f"{key}: no more requests than OSC (API requests; all)",
                   f"{o['api']} vs {p['api']}; {o['total']} vs {p['total']}", o["api"] <= p["api"])

    for key in ("server-list", "server-list-json"):
        vs_curl(key, z["servers"], 0.030)
        fewer(key)
    vs_curl("server-show")
    fewer("server-show")
    lags = svc.get("lags", [])
    for what in ("create", "delete"):
        xs = [x["lag"] for x in lags if x["tool"] == "ours" and x["what"] == what]
        target(f"`server {what} --wait` ends within one poll interval (5 s) of the state",
               f"at most {max(xs):.2f} s" if xs else "–", max(xs) <= 5.0 if xs else None)
    for key in ("port-list", "port-list-json"):
        vs_curl(key, z["ports"], 0.030)
        fewer(key)
    for key in ("rule-list", "rule-list-json"):
        vs_curl(key, z["rules"], 0.030)
        fewer(key)
    for key in ("network-show", "rule-create"):
        vs_curl(key)
        fewer(key)
    for key in ("volume-list-long", "volume-create", "volume-create-wait"):
        vs_curl(key)
    for key in ("volume-list-long", "volume-create"):
        fewer(key)


def main():
    with open(sys.argv[1]) as f:
        res = json.load(f)
    analysis = ""
    if len(sys.argv) > 2:
        with open(sys.argv[2]) as f:
            analysis = f.read().strip()
    benches = {b["key"]: b for b in res["benches"]}
    m = res["machine"]
    s = res["settings"]
    v = res["versions"]
    out = []
    w = out.append

    w("# Performance\n")
    w("Ours (`openstack`, release build) against python-openstackclient (OSC) and curl, on the local devcloud "
      "(real Keystone and Mistral on loopback, `scripts/devcloud`), all measured in the same run of "
      "`scripts/bench`. This file is generated: edit `scripts/bench.d/report.py` or `scripts/bench.d/analysis.md`, "
      "then run `scripts/bench`.\n")
    w(f"- Run: {m['date']}, commit `{res['commit']}`, {res['mode']} mode. Each benchmark runs its tools in "
      f"interleaved rounds (the order reversed every other round), {s['warmup']} warm-up runs in the first round and "
      f"one in the others: commands under 50 ms {s['rounds']} rounds of {5 * s['runs']} runs; commands that wait "
      f"for a server {s['slow_rounds']} rounds of {s['slow_runs']} runs, so that the server's speed, which drifts "
      f"with the load, is sampled alike for all tools; OSC {s['osc_runs']} runs spread over the rounds. Figures are "
      "medians over all runs.")
    w(f"- Machine: {m['cpu']}, {m['cores']} cores, {m.get('ram_gb', '?')} GB RAM, {m.get('os', '?')}, "
      f"{m['kernel']}. Load average {res['load_before'][0]:.1f} at the start, {res['load_after'][0]:.1f} at the "
      "end (the machine is shared: absolute times move with the load, ratios from the same run much less).")
    w(f"- Versions: ours `{v['ours']}` ({v['rustc']}), OSC `{v['osc']}` (Python {v['python']} for the helper, OSC's "
      f"own venv for OSC), `{v['curl'].split(' (')[0]}`, `{v['hyperfine']}`.")
    plugins = res.get("plugins", {})
    w(f"- External plugins for the `command list` row: {', '.join(plugins.get('installed', [])) or 'none'} "
      f"(their commands listed by ours: {', '.join(plugins.get('listed', [])) or 'none'}).\n")

    w("## Timings (medians)\n")
    w("| benchmark | ours | OSC | curl | ours/OSC | ours/curl | ours CPU (user+sys) | ours: HTTP requests, "
      "connections, child processes |")
    w("|---|---|---|---|---|---|---|---|")
    notes = []
    for b in res["benches"]:
        o, p, c, cpu, counts = bench_cells(b)
        if b["key"] == "floor":   # two different programs: no ratio
            o = None
        w(f"| {b['title']} | {cell(b, 'ours')} | {cell(b, 'osc')} | {cell(b, 'curl')} | {ratio(o, p)} | "
          f"{ratio(o, c)} | {cpu} | {counts} |")
        for tool, why in b["skipped"].items():
            notes.append(f"{b['key']}, {tool}: {why}")
    w("")
    if notes:
        w("¹ Skipped (the command failed when probed, so it was not timed):\n")
        for note in notes:
            w(f"- {note}")
        w("")
    w("CPU is hyperfine's user+system time of our process (mean); the rest of the wall time is waiting: for the "
      "servers, the network stack, the scheduler. Requests are the `REQ:` lines of `--debug`; connections and child "
      "processes are counted with `strace -f -e trace=connect,execve`.\n")

    transfers = res.get("transfers")
    if transfers:
        w("## Transfers: 1 GiB up and down\n")
        lb, la = transfers["load_before"][0], transfers["load_after"][0]
        w(f"Measured {transfers['date']} ({transfers['mode']} mode, {transfers['rounds']} rounds, the tools in "
          f"alternating order; load average {lb:.1f} before, {la:.1f} after). 1 GiB of random bytes from a file "
          "in `$TMP`; downloads go to `/dev/null`. Ours is the bench driver "
          "`crates/openstack-sdk/examples/transfer.rs` (osc-lib's authentication, then the layer's streamed "
          "`transfer::upload` / `transfer::download`): `openstack` has no `image create --file` or `object "
          "create` yet. Time is the wall clock of the whole process (authentication included; a token cache hit "
          "for ours, curl's token issued beforehand, OSC's start-up and its `image create` POST included), MiB/s "
          "= 1024 / median seconds, peak RSS the highest of GNU time's readings.\n")
        w("| transfer | ours | curl | OSC | ours/curl throughput | ours peak RSS | curl peak RSS | OSC peak RSS |")
        w("|---|---|---|---|---|---|---|---|")
        transfer_table(transfers["rows"], ("ours", "curl", "osc"), w)

    batches = res.get("batches")
    if batches:
        w("## Batches: many items, many commands\n")
        lb, la = batches["load_before"][0], batches["load_after"][0]
        w(f"Measured {batches['date']} (one timed run each; load average {lb:.1f} before, {la:.1f} after). "
          "`delete-100`: one `project delete --domain <id>` of 100 projects made beforehand with the REST API. "
          "`devstack`: the lines of `scripts/bench.d/devstack-keystone.txt` (DevStack's Keystone set-up for "
          "the devcloud's services), one process per line for OSC and `ours`, all lines through one process's "
          "stdin for `ours-batch`. The time is the wall clock, the servers' time included.\n")
        w("| batch | OSC | ours | ours, `--parallel` or one process | OSC ÷ ours | ours ÷ the other |")
        w("|---|---|---|---|---|---|")
        for row in batches["rows"]:
            sec = row["seconds"]
            other = sec.get("ours-parallel", sec.get("ours-batch"))

            def fmt(x):
                return f"{x:.1f} s" if x is not None else "–"

            w(f"| {row['title']} | {fmt(sec.get('osc'))} | {fmt(sec.get('ours'))} | {fmt(other)} | "
              f"{ratio(sec.get('osc'), sec.get('ours'))} | {ratio(sec.get('ours'), other)} |")
        w("")
        failed = [f"{row['key']}, {tool}: {why}" for row in batches["rows"] for tool, why in row["failed"].items()]
        if failed:
            w("Failures: " + "; ".join(failed) + "\n")

    data_section(res.get("data"), w)
    svc = res.get("services")
    if svc:
        services_section(w, svc)

    w("## Targets\n")
    w("| target | measured | met |")
    w("|---|---|---|")

    def target(label, value, ok):
        w(f"| {label} | {value} | {'yes' if ok else ('**no**' if ok is not None else 'not measured')} |")

    def med(key, tool="ours"):
        b = benches.get(key)
        return median(b, tool) if b else None

    x = med("version")
    target("`--version` < 2 ms", ms(x), None if x is None else x < 0.002)
    x = med("help")
    target("`--help` < 5 ms", ms(x), None if x is None else x < 0.005)
    x = med("command-list-plugins")
    target(f"`command list` with {len(plugins.get('listed', []))} plugins < 5 ms", ms(x),
           None if x is None or len(plugins.get("listed", [])) < 3 else x < 0.005)
    for key, label, bound in (("token-issue", "`token issue` ≤ 1.1 × curl's POST", 1.1),
                              ("token-issue-2", "(the same, curl also asking for the versions first)", 1.1),
                              ("project-list", "`project list` (cached token) ≤ 1.2 × curl", 1.2)):
        o, c = med(key), med(key, "curl")
        target(label, f"{ratio(o, c)} × ({ms(o)} / {ms(c)})", None if o is None or not c else o / c <= bound)
    x = med("catalog-list")
    b = benches.get("catalog-list")
    requests = (b or {}).get("probe", {}).get("requests")
    connects = (b or {}).get("probe", {}).get("connects")
    target("`catalog list` (cached) < 10 ms and no HTTP request",
           f"{ms(x)}, {requests} requests, {connects} connections",
           None if x is None or requests is None else (x < 0.010 and requests == 0 and connects == 0))
    o, c = med("projects-1000-table"), med("projects-1000-table", "curl")
    b = benches.get("projects-1000-table")
    cpu = b["results"]["ours"]["user"] + b["results"]["ours"]["system"] if b and "ours" in b["results"] else None
    target("1,000-row table: < 50 ms of our own time (CPU time of our process)",
           f"{ms(cpu)} (wall: {ms(o)}, curl's same two requests {ms(c)})",
           None if cpu is None else cpu < 0.050)
    memory = res.get("memory_kb", {})
    lists = [(label, memory.get(k, {}).get("ours"))
             for k, label in (("project-list", "`project list`"), ("projects-1000", "1,000 rows"))]
    lists = [(label, x) for label, x in lists if x is not None]
    target("peak memory < 15 MB for a list command", ", ".join(f"{label} {mb(x)}" for label, x in lists) or "–",
           max(x for _, x in lists) < 15 * 1024 if lists else None)
    for row in (transfers or {}).get("rows", []):
        r = row["results"]
        if "ours" in r and "curl" in r:
            rel = r["ours"]["mib_s"] / r["curl"]["mib_s"]
            target(f"{row['key']}: throughput ≥ 0.9 × curl's", f"{rel:.2f} × ({r['ours']['mib_s']:.0f} / "
                   f"{r['curl']['mib_s']:.0f} MiB/s)", rel >= 0.9)
        else:
            target(f"{row['key']}: throughput ≥ 0.9 × curl's", "–", None)
        peak = r.get("ours", {}).get("peak_kb")
        target(f"{row['key']}: peak RSS ≤ 20 MB", mb(peak), None if peak is None else peak <= 20 * 1024)
    for row in (batches or {}).get("rows", []):
        sec = row["seconds"]
        if row["key"] == "delete-100":
            p, o, serial = sec.get("ours-parallel"), sec.get("osc"), sec.get("ours")
            target("deleting 100 projects with `--parallel`: ≥ 5 × faster than OSC", f"{ratio(o, p)} ×",
                   None if not p or o is None else o / p >= 5)
            target("… and ≥ 3 × faster than ours one by one", f"{ratio(serial, p)} ×",
                   None if not p or serial is None else serial / p >= 3)
        if row["key"] == "devstack":
            o, ours = sec.get("osc"), sec.get("ours")
            target("DevStack's Keystone set-up, one process per line: ≥ 20 × faster than OSC", f"{ratio(o, ours)} ×",
                   None if not ours or o is None else o / ours >= 20)
    data_targets(res.get("data"), target)
    if svc:
        services_targets(target, svc)
    w("")

    w("## Memory and size\n")
    w("| peak memory (max RSS: `/usr/bin/time -f %M`, the 'Maximum resident set size' of `time -v`; median of 3) | ours | OSC |")
    w("|---|---|---|")
    labels = {"help": "`--help`", "project-list": "`project list`",
              "projects-1000": f"`project list --domain <id>`, {res.get('rows', '?')} rows, table"}
    for key, label in labels.items():
        if key in memory:
            w(f"| {label} | {mb(memory[key]['ours'])} | {mb(memory[key]['osc'])} |")
    w("")
    sizes = ", ".join(f"`{name}` {size / 1e6:.2f} MB" for name, size in res["sizes"].items())
    venv = res.get("osc_venv_kb")
    w(f"Release binaries (stripped): {sizes}. OSC's virtualenv (OSC, mistralclient and their dependencies): "
      f"{venv / 1024:.0f} MB.\n" if venv else f"Release binaries (stripped): {sizes}.\n")

    if analysis:
        w(analysis + "\n")

    w("## Reproducing\n")
    w("`scripts/bench` does it all: installs hyperfine, GNU time and strace from apt when missing, builds the "
      "release binaries, starts the devcloud (`scripts/devcloud up`), measures, and rewrites this file. "
      "`scripts/bench --quick` takes fewer runs (for development; do not commit its figures).\n")
    w("Each command runs through `hyperfine -N --output pipe --warmup W --runs N --export-json ...` (no shell). The "
      "environment is the same for the three tools: `PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:"
      "/bin` (our binary looks for plugins on PATH), `OS_CLOUD=devcloud`, `OS_CLIENT_CONFIG_FILE=` the devcloud's "
      "clouds.yaml, `XDG_CACHE_HOME=$TMP/cache` (our token and plugin-manifest caches), `XDG_DATA_HOME=$TMP/data`, "
      "`LC_ALL=C.UTF-8`, no other `OS_*` variable. `openstack` is `target/release/openstack`, `$OSC_REF` OSC's "
      "`openstack` (`eval \"$(scripts/devcloud env)\"`), `$TMP` a 0700 temporary directory holding `auth.json` "
      "(the password request body) and `token.header` (`X-Auth-Token: ...` of a token issued at the start). "
      "Before the cached-token rows, `openstack token issue` fills our token cache. The plugin row has a cache "
      "directory of its own (`XDG_CACHE_HOME=$TMP/cache-plugins`: the other rows run without plugins), the plugins' "
      "file stamps set a minute back, and one `openstack command list` fills its manifest cache before timing. The "
      "1,000 projects are created with the REST API in the domain `osc-rs-bench` under the devcloud's exclusive "
      "compat lock, and the domain is deleted afterwards, also after a failure or an interruption.\n")
    w("```sh")
    for row in (transfers or {}).get("rows", []):
        w(f"# {row['key']} (the last round's commands; IDs and names differ per run)")
        for tool in ("ours", "curl", "osc"):
            if tool in row["commands"]:
                w(row["commands"][tool])
    bench_commands(res["benches"], w)
    data_commands(res.get("data"), w)
    for b in (svc or {}).get("benches", []) + (svc or {}).get("timed", []):
        w(f"# services: {b['key']} (OS_CLOUD=bench-services OS_CLIENT_CONFIG_FILE=$TMP/clouds-services.yaml)")
        for tool in TOOLS:
            if b["commands"].get(tool):
                w(b["commands"][tool])
    w("```")
    print("\n".join(out))


if __name__ == "__main__":
    main()
