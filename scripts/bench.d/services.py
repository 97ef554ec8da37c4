"""The service rows of scripts/bench (issues 13, 15 and 16): compute, network and volume commands over many rows.

The data lives in a project of its own, `bench-services`, used by a member user of the same name (never admin: an
admin's `port list` would list every project's ports), so that the compat cases, which run as admin in the admin
project and filter by their own names, never see it. ServiceData makes it idempotently (what exists is reused, what
is missing is added: bulk POSTs for ports and rules, Nova's multiple create for servers, parallel POSTs for
volumes) and deletes it all (`ours ... delete --parallel`, parallel DELETEs for servers).

Every row compares three tools the way docs/performance.md does: ours and OSC with the same command line, curl with
the same requests ours makes (read from ours' `--debug` REQ lines, so "curl's same requests" is exact), and the
HTTP requests of both CLIs counted from their `--debug` output.
"""
import concurrent.futures
import datetime
import json
import os
import re
import secrets
import shlex
import statistics
import subprocess
import time

PROJECT = "bench-services"
USER = "bench-services"
PREFIX = "bench-svc"
FLAVOR = f"{PREFIX}-tiny"
IMAGE = f"{PREFIX}-image"
NETWORK = f"{PREFIX}-net"
SECGROUP = f"{PREFIX}-rules"
SERVERS = 200
PORTS = 1000
RULES = 1000
VOLUMES = 500
ATTACHED = 20          # volumes attached to servers: `volume list --long` shows their servers' names
CREATE_ROUNDS = 2      # server create/delete --wait and volume create: runs per tool (quick: 1)

# Keystone's JSON for the bench user's password; kept in a 0600 file of $TMP, never on a command line.
QUOTAS = {
    "compute": {"instances": SERVERS + 50, "cores": SERVERS + 50, "ram": (SERVERS + 50) * 64},
    "network": {"port": PORTS + SERVERS + 100, "security_group_rule": RULES + 200, "security_group": 20,
                "network": 10, "subnet": 10},
    "volume": {"volumes": VOLUMES + 50, "gigabytes": VOLUMES + 100, "snapshots": 10},
}


def utc(stamp):
    """Nova's `2026-12-07T05:23:04.201205` (UTC, no zone) as seconds since the epoch."""
    stamp = stamp.rstrip("Z")
    fmt = "%Y-%m-%dT%H:%M:%S.%f" if "." in stamp else "%Y-%m-%dT%H:%M:%S"
    return datetime.datetime.strptime(stamp, fmt).replace(tzinfo=datetime.timezone.utc).timestamp()


class ServiceData:
    """The bench project, its user and quotas, and the rows' data, made through the REST API."""

    def __init__(self, http, log, auth_url, admin_token, admin_catalog, admin_project_id, endpoint, tmp,
                 password=None):
        self.http, self.log, self.auth_url = http, log, auth_url
        self.admin = admin_token
        self.admin_project_id = admin_project_id
        self.endpoint = endpoint
        self.compute = endpoint(admin_catalog, "compute")
        self.network = endpoint(admin_catalog, "network")
        self.image = endpoint(admin_catalog, "image")
        self.volume = endpoint(admin_catalog, "block-storage") or endpoint(admin_catalog, "volumev3")
        self.tmp = tmp
        self.ids = {}
        # A known password (the user's current one) is kept: a change revokes the user's tokens, which Nova is
        # still using for the servers it builds.
        self.keep_password = password is not None
        self.password = password or secrets.token_urlsafe(24)
        self.token = None

    # -- helpers ------------------------------------------------------------------------------------------------

    def get(self, url, token=None):
        # Nova answers 500 when Neutron, busy binding the ports of many new servers, fails its request: retry.
        for attempt in range(6):
            try:
                return self.http("GET", url, token or self.token)[2]
            except RuntimeError as error:
                if ": HTTP 5" not in str(error) or attempt == 5:
                    raise
                time.sleep(2 + attempt * 2)

    def parallel(self, work, items, workers):
        pool = concurrent.futures.ThreadPoolExecutor(workers)
        try:
            return list(pool.map(work, items))
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def one(self, items, what):
        if len(items) > 1:
            raise RuntimeError(f"more than one {what}: {[i.get('id') for i in items]}")
        return items[0] if items else None

    # -- identity: project, user, role, quotas ------------------------------------------------------------------

    def find_project(self):
        body = self.get(f"{self.auth_url}/projects?name={PROJECT}&domain_id=default", self.admin)
        return self.one(body["projects"], "project")

    def find_user(self):
        body = self.get(f"{self.auth_url}/users?name={USER}&domain_id=default", self.admin)
        return self.one(body["users"], "user")

    def identity(self):
        project = self.find_project()
        if project is None:
            project = self.http("POST", f"{self.auth_url}/projects", self.admin, {"project": {
                "name": PROJECT, "domain_id": "default",
                "description": "scripts/bench --only services: deleted after the run"}})[2]["project"]
        user = self.find_user()
        # A new password each run (the user is the bench's own): it exists only in $TMP's clouds.yaml.
        if user is None:
            user = self.http("POST", f"{self.auth_url}/users", self.admin, {"user": {
                "name": USER, "domain_id": "default", "password": self.password,
                "default_project_id": project["id"]}})[2]["user"]
        elif not self.keep_password:
            self.http("PATCH", f"{self.auth_url}/users/{user['id']}", self.admin,
                      {"user": {"password": self.password, "enabled": True}})
        roles = self.get(f"{self.auth_url}/roles?name=member", self.admin)["roles"]
        self.http("PUT", f"{self.auth_url}/projects/{project['id']}/users/{user['id']}/roles/{roles[0]['id']}",
                  self.admin)
        self.ids.update(project=project["id"], user=user["id"])
        p = project["id"]
        self.http("PUT", f"{self.compute}/os-quota-sets/{p}", self.admin, {"quota_set": QUOTAS["compute"]})
        self.http("PUT", f"{self.network}/v2.0/quotas/{p}", self.admin, {"quota": QUOTAS["network"]})
        self.http("PUT", f"{self.volume_admin()}/os-quota-sets/{p}", self.admin, {"quota_set": QUOTAS["volume"]})
        # Keystone revokes the user's tokens on a password change, to the second: a token issued within the same
        # second would be refused, so wait for the next one.
        time.sleep(1.5)
        body = {"auth": {"identity": {"methods": ["password"], "password": {"user": {
            "id": user["id"], "password": self.password}}}, "scope": {"project": {"id": p}}}}
        _, headers, answer = self.http("POST", f"{self.auth_url}/auth/tokens", body=body)
        self.token = headers["X-Subject-Token"]
        self.catalog = answer["token"]["catalog"]

    def volume_admin(self):
        """Cinder's URL with the admin project in the path (the quota API wants one before microversion 3.67)."""
        base = re.sub(r"/v3(/.*)?$", "/v3", self.volume)
        return f"{base}/{self.admin_project_id}"

    def clouds_yaml(self, path):
        """A clouds.yaml with one cloud, `bench-services` (0600: it holds the password)."""
        text = (
            "clouds:\n  bench-services:\n    auth:\n"
            f"      auth_url: {self.auth_url}\n      username: {USER}\n      password: {self.password}\n"
            f"      project_name: {PROJECT}\n      user_domain_name: Default\n      project_domain_name: Default\n"
            "    region_name: RegionOne\n    identity_api_version: 3\n")
        with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
            f.write(text)

    # -- the rows' data ------------------------------------------------------------------------------------------

    def ensure(self, quick=False):
        started = time.monotonic()
        self.identity()
        self.flavor()
        self.image_()
        self.network_()
        steps = ((self.rules, "rules"), (self.ports, "ports"), (self.servers, "servers"), (self.volumes, "volumes"))
        timings = {}
        for step, name in steps:
            t = time.monotonic()
            step()
            timings[name] = time.monotonic() - t
        self.attach()
        self.log("services: data ready in {:.0f} s ({})".format(
            time.monotonic() - started, ", ".join(f"{k} {v:.0f} s" for k, v in timings.items())))
        return timings

    def flavor(self):
        flavors = self.get(f"{self.compute}/flavors/detail?is_public=None", self.admin)["flavors"]
        found = [f for f in flavors if f["name"] == FLAVOR and f["disk"] == 1]
        if found:
            flavor_id = found[0]["id"]
        else:
            flavor_id = self.http("POST", f"{self.compute}/flavors", self.admin, {"flavor": {
                "name": FLAVOR, "ram": 64, "vcpus": 1, "disk": 1,   # disk 0: Nova wants a volume
                "os-flavor-access:is_public": False}})[2]["flavor"]["id"]
        access = self.get(f"{self.compute}/flavors/{flavor_id}/os-flavor-access", self.admin)["flavor_access"]
        if not any(a["tenant_id"] == self.ids["project"] for a in access):
            self.http("POST", f"{self.compute}/flavors/{flavor_id}/action", self.admin,
                      {"addTenantAccess": {"tenant": self.ids["project"]}})
        self.ids["flavor"] = flavor_id

    def image_(self):
        images = self.get(f"{self.image}/v2/images?name={IMAGE}&owner={self.ids['project']}")["images"]
        active = [i for i in images if i["status"] == "active"]
        for stale in (i for i in images if i["status"] != "active"):
            self.http("DELETE", f"{self.image}/v2/images/{stale['id']}", ok=(204, 404))
        if active:
            self.ids["image"] = active[0]["id"]
            return
        image = self.http("POST", f"{self.image}/v2/images", self.token, {
            "name": IMAGE, "disk_format": "raw", "container_format": "bare", "visibility": "private"})[2]
        # Glance takes the data as octet-stream, not JSON: urllib directly.
        import urllib.request
        req = urllib.request.Request(f"{self.image}/v2/images/{image['id']}/file", data=b"bench\n" * 8,
                                     method="PUT")
        req.add_header("Content-Type", "application/octet-stream")
        req.add_header("X-Auth-Token", self.token)
        urllib.request.urlopen(req, timeout=60).read()
        self.ids["image"] = image["id"]

    def network_(self):
        p = self.ids["project"]
        nets = self.get(f"{self.network}/v2.0/networks?name={NETWORK}&project_id={p}")["networks"]
        net = nets[0] if nets else self.http("POST", f"{self.network}/v2.0/networks", self.token,
                                             {"network": {"name": NETWORK}})[2]["network"]
        if not net.get("subnets"):
            self.http("POST", f"{self.network}/v2.0/subnets", self.token, {"subnet": {
                "name": NETWORK, "network_id": net["id"], "ip_version": 4, "cidr": "10.203.0.0/20"}})
        self.ids["network"] = net["id"]
        groups = self.get(f"{self.network}/v2.0/security-groups?name={SECGROUP}&project_id={p}")["security_groups"]
        group = groups[0] if groups else self.http("POST", f"{self.network}/v2.0/security-groups", self.token, {
            "security_group": {"name": SECGROUP}})[2]["security_group"]
        self.ids["secgroup"] = group["id"]

    def rules(self):
        g = self.ids["secgroup"]
        have = self.get(f"{self.network}/v2.0/security-group-rules?security_group_id={g}"
                        "&fields=port_range_min&direction=ingress")["security_group_rules"]
        ports = {r["port_range_min"] for r in have}
        missing = [n for n in range(1, RULES + 1) if n not in ports]
        for i in range(0, len(missing), 100):
            chunk = missing[i:i + 100]
            self.http("POST", f"{self.network}/v2.0/security-group-rules", self.token, {"security_group_rules": [
                {"security_group_id": g, "direction": "ingress", "ethertype": "IPv4", "protocol": "tcp",
                 "port_range_min": n, "port_range_max": n, "remote_ip_prefix": "10.0.0.0/8"} for n in chunk]})
        self.log(f"services: {len(missing)} security group rules created, {len(ports)} reused")

    def ports(self):
        have = self.get(f"{self.network}/v2.0/ports?network_id={self.ids['network']}&fields=name")["ports"]
        names = {p["name"] for p in have}
        missing = [f"{PREFIX}-port-{n:04d}" for n in range(1, PORTS + 1) if f"{PREFIX}-port-{n:04d}" not in names]
        chunks = [missing[i:i + 50] for i in range(0, len(missing), 50)]

        def create(chunk):
            self.http("POST", f"{self.network}/v2.0/ports", self.token,
                      {"ports": [{"name": name, "network_id": self.ids["network"]} for name in chunk]})

        self.parallel(create, chunks, 2)
        self.log(f"services: {len(missing)} ports created, {PORTS - len(missing)} reused")

    def list_servers(self):
        return self.get(f"{self.compute}/servers/detail?name=^{PREFIX}-")["servers"]

    def servers(self, deadline=1800):
        """Tops the project up to SERVERS servers: those in ERROR are deleted and replaced, new ones made in batches of
        50 (Nova's multiple create), until all are ACTIVE."""
        started = time.monotonic()
        stamp = int(time.time())
        created = replaced = batch = 0
        while True:
            servers = self.list_servers()
            broken = [s for s in servers if s["status"] == "ERROR"]
            for s in broken:
                self.http("DELETE", f"{self.compute}/servers/{s['id']}", self.token, ok=(204, 404))
            replaced += len(broken)
            live = [s for s in servers if s["status"] != "ERROR"]
            missing = max(SERVERS - len(live), 0)
            while missing:
                n = min(missing, 50)
                batch += 1
                # No network: a port each costs Neutron a create and a binding with the user's token, which a
                # loaded machine turns into half a minute per server.
                self.http("POST", f"{self.compute}/servers", self.token, {"server": {
                    "name": f"{PREFIX}-{stamp}-{batch}", "flavorRef": self.ids["flavor"],
                    "imageRef": self.ids["image"], "networks": "none", "min_count": n, "max_count": n}}, ok=(202,),
                    extra={"OpenStack-API-Version": "compute 2.37"})
                missing -= n
                created += n
            if not missing and all(s["status"] == "ACTIVE" for s in live) and len(live) >= SERVERS:
                break
            if time.monotonic() - started > deadline:
                raise RuntimeError(f"servers: {sum(s['status'] == 'ACTIVE' for s in live)} of {SERVERS} ACTIVE "
                                   f"after {deadline} s")
            time.sleep(5)
        self.log(f"services: {created} servers created ({replaced} in ERROR replaced)")

    def list_volumes(self):
        return self.get(f"{self.volume}/volumes/detail?limit=2000")["volumes"]

    def volumes(self):
        vols = [v for v in self.list_volumes() if (v.get("name") or "").startswith(f"{PREFIX}-vol-")]
        for v in (v for v in vols if v["status"] == "error"):
            self.http("DELETE", f"{self.volume}/volumes/{v['id']}", self.token, ok=(202, 404))
        names = {v["name"] for v in vols if v["status"] != "error"}
        missing = [f"{PREFIX}-vol-{n:04d}" for n in range(1, VOLUMES + 1) if f"{PREFIX}-vol-{n:04d}" not in names]

        def create(name):
            self.http("POST", f"{self.volume}/volumes", self.token, {"volume": {"name": name, "size": 1}},
                      ok=(202,))

        self.parallel(create, missing, 4)
        started = time.monotonic()
        while True:
            vols = [v for v in self.list_volumes() if (v.get("name") or "").startswith(f"{PREFIX}-vol-")]
            waiting = [v for v in vols if v["status"] in ("creating", "downloading")]
            if not waiting:
                break
            if time.monotonic() - started > 900:
                raise RuntimeError(f"volumes: {len(waiting)} still creating after 900 s")
            time.sleep(2)
        self.log(f"services: {len(missing)} volumes created, {VOLUMES - len(missing)} reused")

    def attach(self):
        vols = sorted((v for v in self.list_volumes() if (v.get("name") or "").startswith(f"{PREFIX}-vol-")),
                      key=lambda v: v["name"])
        attached = [v for v in vols if v["attachments"]]
        free = [v for v in vols if v["status"] == "available"]
        servers = [s for s in self.list_servers() if s["status"] == "ACTIVE"]
        used = {a["server_id"] for v in attached for a in v["attachments"]}
        servers = [s for s in servers if s["id"] not in used]
        todo = list(zip(free, servers))[:max(ATTACHED - len(attached), 0)]

        def attach(pair):
            volume, server = pair
            try:
                self.http("POST", f"{self.compute}/servers/{server['id']}/os-volume_attachments", self.token,
                          {"volumeAttachment": {"volumeId": volume["id"]}})
            except RuntimeError as error:   # a slow Nova may answer 400 "already attached": the list shows it
                self.log(f"services: attaching {volume['name']}: {error}")

        self.parallel(attach, todo, 2)
        started = time.monotonic()
        while todo and time.monotonic() - started < 300:
            vols = {v["id"]: v for v in self.list_volumes()}
            if all(vols[v["id"]]["status"] == "in-use" for v, _ in todo):
                break
            time.sleep(2)
        self.log(f"services: {len(todo)} volumes attached, {len(attached)} were")

    # -- deleting ------------------------------------------------------------------------------------------------

    def delete(self, ours, env):
        """Deletes everything ServiceData made (also what a killed run left), then the user and the project."""
        project = self.find_project()
        if project is None:
            return
        self.ids["project"] = project["id"]
        if self.token is None:
            self.identity()
        started = time.monotonic()
        servers = self.list_servers()
        self.parallel(lambda s: self.http("DELETE", f"{self.compute}/servers/{s['id']}", self.token,
                                          ok=(204, 404)), servers, 4)
        deadline = time.monotonic() + 900
        while self.list_servers() and time.monotonic() < deadline:
            time.sleep(2)

        def run(argv):
            done = subprocess.run([ours] + argv, env=env, capture_output=True, text=True)
            if done.returncode:
                self.log(f"services: {' '.join(argv[:3])}: {done.stderr.strip()[-300:]}")

        vols = [v["id"] for v in self.list_volumes()]
        while vols:
            run(["volume", "delete", "--parallel", "8"] + vols[:200])
            vols = vols[200:]
        ports = [p["id"] for p in self.get(f"{self.network}/v2.0/ports?project_id={project['id']}")["ports"]]
        for i in range(0, len(ports), 250):
            run(["port", "delete", "--parallel", "8"] + ports[i:i + 250])
        groups = [g["id"] for g in self.get(f"{self.network}/v2.0/security-groups?project_id={project['id']}")
                  ["security_groups"] if g["name"] != "default"]
        if groups:
            run(["security", "group", "delete"] + groups)
        nets = [n["id"] for n in self.get(f"{self.network}/v2.0/networks?project_id={project['id']}")["networks"]]
        if nets:
            run(["network", "delete"] + nets)
        for image in self.get(f"{self.image}/v2/images?owner={project['id']}")["images"]:
            self.http("DELETE", f"{self.image}/v2/images/{image['id']}", self.token, ok=(204, 404))
        for group in self.get(f"{self.network}/v2.0/security-groups?project_id={project['id']}",
                              self.admin)["security_groups"]:
            self.http("DELETE", f"{self.network}/v2.0/security-groups/{group['id']}", self.admin, ok=(204, 404, 409))
        # Volumes are deleted asynchronously: the quota usage and the project go only once they are gone.
        deadline = time.monotonic() + 600
        while self.list_volumes() and time.monotonic() < deadline:
            time.sleep(2)
        p = project["id"]
        self.http("DELETE", f"{self.compute}/os-quota-sets/{p}", self.admin, ok=(202, 204, 404))
        self.http("DELETE", f"{self.network}/v2.0/quotas/{p}", self.admin, ok=(204, 404))
        self.http("DELETE", f"{self.volume_admin()}/os-quota-sets/{p}", self.admin, ok=(200, 202, 204, 404))
        flavors = self.get(f"{self.compute}/flavors/detail?is_public=None", self.admin)["flavors"]
        for f in flavors:
            if f["name"] == FLAVOR:
                self.http("DELETE", f"{self.compute}/flavors/{f['id']}", self.admin, ok=(202, 204, 404))
        user = self.find_user()
        if user:
            self.http("DELETE", f"{self.auth_url}/users/{user['id']}", self.admin, ok=(204, 404))
        self.http("DELETE", f"{self.auth_url}/projects/{p}", self.admin, ok=(204, 404))
        self.log(f"services: all bench data deleted in {time.monotonic() - started:.0f} s")


# ---------------------------------------------------------------------------------------------------------------
# Measuring.

def parse_requests(stderr):
    """The REQ lines of a `--debug` run (ours and keystoneauth write the same): [(method, url, headers, body)]."""
    requests = []
    for line in stderr.splitlines():
        if not line.startswith("REQ: curl "):
            continue
        words = shlex.split(line[len("REQ: "):])
        method, url, headers, body = "GET", None, [], None
        i = 1
        while i < len(words):
            word = words[i]
            if word == "-X":
                method = words[i + 1]
                i += 1
            elif word == "-H":
                headers.append(words[i + 1])
                i += 1
            elif word in ("-d", "--data-binary"):
                body = words[i + 1]
                i += 1
            elif word.startswith("http"):
                url = word
            i += 1
        requests.append((method, url, headers, body))
    return requests


def is_identity(url, auth_url):
    root = auth_url.rsplit("/v3", 1)[0]
    return url.startswith(root)


class Rows:
    """The service rows: hyperfine rows through the shared Runner, create rows timed here."""

    def __init__(self, runner, bench_class, data, ours, osc, curl, token_header, quick):
        self.runner, self.B, self.data = runner, bench_class, data
        self.ours, self.osc, self.curl = ours, osc, curl
        self.token_header = token_header
        self.rounds = 1 if quick else CREATE_ROUNDS
        self.counts = {}     # row key -> {"ours": {...}, "osc": {...}}
        self.created = []    # rows timed here
        self.lags = []       # --wait: seconds between the state and the command's end

    def requests(self, argv):
        """The requests of one `--debug` run of argv: (all, identity-only, parsed list)."""
        done = self.runner.run([argv[0], "--debug"] + argv[1:], self.runner.env)
        parsed = parse_requests(done.stderr)
        auth = sum(1 for r in parsed if is_identity(r[1] or "", self.data.auth_url))
        # ours writes "Making authentication request to" for its POST /v3/auth/tokens (keystoneauth's line)
        extra = sum(1 for line in done.stderr.splitlines() if line.startswith("Making authentication request to")
                    and not any(r[0] == "POST" and "/auth/tokens" in (r[1] or "") for r in parsed))
        return {"total": len(parsed) + extra, "auth": auth + extra, "api": len(parsed) - auth,
                "exit": done.returncode}, parsed

    def curl_for(self, parsed):
        """curl making the same non-identity requests as ours, in one process (`--next` between them)."""
        argv = []
        for method, url, headers, body in parsed:
            if is_identity(url, self.data.auth_url):
                continue
            if argv:
                argv.append("--next")
                argv += self.curl[1:]
            else:
                argv += self.curl
            if method != "GET":
                argv += ["-X", method]
            for header in headers:
                if not header.lower().startswith(("x-auth-token:", "user-agent:")):
                    argv += ["-H", header]
            argv += ["-H", f"@{self.token_header}"]
            if body is not None:
                if not any(h.lower().startswith("content-type:") for h in headers):
                    argv += ["-H", "Content-Type: application/json"]
                argv += ["-d", body]
            argv.append(url)
        return argv

    def row(self, key, title, args, group, curl=True):
        ours = [self.ours] + args
        osc = [self.osc] + args
        counts_ours, parsed = self.requests(ours)
        counts_osc, _ = self.requests(osc)
        self.counts[key] = {"ours": counts_ours, "osc": counts_osc}
        commands = {"ours": ours, "osc": osc}
        if curl:
            commands["curl"] = self.curl_for(parsed)
        bench = self.B(key, title, commands, group=group)
        self.runner.measure(bench)
        self.runner.count_requests(bench)
        return parsed

    def lists(self):
        name = self.server_name()
        rows = (
            ("server-list", f"`server list`, {self.n_servers} servers", ["server", "list"], "compute"),
            ("server-list-json", f"`server list -f json`, {self.n_servers} servers", ["server", "list", "-f", "json"],
             "compute"),
            ("server-show", "`server show <name>`", ["server", "show", name], "compute"),
            ("port-list", f"`port list`, {self.n_ports} ports", ["port", "list"], "network"),
            ("port-list-json", f"`port list -f json`, {self.n_ports} ports", ["port", "list", "-f", "json"],
             "network"),
            ("rule-list", f"`security group rule list`, {self.n_rules} rules", ["security", "group", "rule", "list"],
             "network"),
            ("rule-list-json", f"`security group rule list -f json`, {self.n_rules} rules",
             ["security", "group", "rule", "list", "-f", "json"], "network"),
            ("network-show", "`network show <name>`", ["network", "show", NETWORK], "network"),
            ("volume-list-long", f"`volume list --long`, {self.n_volumes} volumes ({ATTACHED} attached)",
             ["volume", "list", "--long"], "volume"),
        )
        for key, title, args, group in rows:
            self.row(key, title, args, group)

    def server_name(self):
        servers = self.data.list_servers()
        names = [s["name"] for s in servers]
        self.n_servers = len(self.data.get(f"{self.data.compute}/servers?limit=5000")["servers"])
        self.n_ports = len(self.data.get(f"{self.data.network}/v2.0/ports?fields=id")["ports"])
        self.n_rules = len(self.data.get(f"{self.data.network}/v2.0/security-group-rules?fields=id")
                           ["security_group_rules"])
        self.n_volumes = len(self.data.list_volumes())
        return next(n for n in sorted(names) if names.count(n) == 1)

    # -- rows timed here: each run makes something, so hyperfine cannot repeat it -------------------------------

    def timed(self, argv):
        started = time.monotonic()
        wall = time.time()
        done = self.runner.run(argv, self.runner.env)
        return time.monotonic() - started, wall + (time.monotonic() - started), done

    def record(self, key, title, samples, skipped, commands):
        results = {t: {"median": statistics.median(v), "min": min(v), "runs": len(v), "times": v}
                   for t, v in samples.items() if v}
        self.created.append({"key": key, "title": title, "results": results, "skipped": skipped,
                             "commands": commands})
        self.data.log(f"{key}: " + ", ".join(f"{t} {r['median']:.2f} s" for t, r in results.items()))

    def server_waits(self):
        """`server create --wait` and `server delete --wait`, ours and OSC in alternating order. The lag is the end
        of the command minus Nova's own record of the state: `OS-SRV-USG:launched_at` (set when the server goes
        ACTIVE) and `OS-SRV-USG:terminated_at` (set as it is deleted), read afterwards through the REST API; the
        same clock (one machine), microseconds."""
        d = self.data
        create = {"ours": [], "osc": []}
        delete = {"ours": [], "osc": []}
        skipped, commands = {}, {}
        stamp = int(time.time())
        for round_no in range(self.rounds):
            order = ("ours", "osc") if round_no % 2 == 0 else ("osc", "ours")
            for tool in order:
                exe = self.ours if tool == "ours" else self.osc
                name = f"{PREFIX}-wait-{tool}-{stamp}-{round_no}"
                argv = [exe, "server", "create", "--flavor", FLAVOR, "--image", IMAGE, "--network", NETWORK,
                        "--wait", "-f", "value", "-c", "id", name]
                commands[("create", tool)] = argv
                seconds, end, done = self.timed(argv)
                servers = d.get(f"{d.compute}/servers/detail?name=^{name}$")["servers"]
                if done.returncode or not servers:
                    skipped[tool] = f"create: exit {done.returncode}: {done.stderr.strip()[-200:]}"
                    for s in servers:
                        d.http("DELETE", f"{d.compute}/servers/{s['id']}", d.token, ok=(204, 404))
                    continue
                server = servers[0]
                create[tool].append(seconds)
                self.lags.append({"tool": tool, "what": "create", "seconds": seconds,
                                  "lag": end - utc(server["OS-SRV-USG:launched_at"])})
                argv = [exe, "server", "delete", "--wait", server["id"]]
                commands[("delete", tool)] = argv
                seconds, end, done = self.timed(argv)
                if done.returncode:
                    skipped[tool] = f"delete: exit {done.returncode}: {done.stderr.strip()[-200:]}"
                    continue
                delete[tool].append(seconds)
                gone = d.get(f"{d.compute}/servers/detail?all_tenants=1&deleted=True&name=^{name}$",
                             d.admin)["servers"]
                stamps = [s.get("OS-SRV-USG:terminated_at") for s in gone if s.get("OS-SRV-USG:terminated_at")]
                if stamps:
                    self.lags.append({"tool": tool, "what": "delete", "seconds": seconds,
                                      "lag": end - utc(stamps[0])})
                self.data.log(f"server --wait ({tool}): " + ", ".join(
                    f"{x['what']} {x['seconds']:.1f} s, lag {x['lag']:.2f} s" for x in self.lags[-2:]))
        self.record("server-create-wait", "`server create --wait` (flavor, image and network by name)", create,
                    skipped, {t: commands.get(("create", t)) for t in create})
        self.record("server-delete-wait", "`server delete --wait`", delete, {},
                    {t: commands.get(("delete", t)) for t in delete})

    def rule_create(self):
        """`security group rule create` by group name, ours, OSC and curl (ours' requests); each rule deleted
        afterwards (not timed)."""
        args = ["security", "group", "rule", "create", "--protocol", "tcp", "--dst-port", "4999",
                "--remote-ip", "192.168.0.0/16", "-f", "value", "-c", "id", SECGROUP]
        ours, osc = [self.ours] + args, [self.osc] + args
        self.clean_rule()
        counts_ours, parsed = self.requests(ours)
        self.clean_rule()
        counts_osc, _ = self.requests(osc)
        self.clean_rule()
        self.counts["rule-create"] = {"ours": counts_ours, "osc": counts_osc}
        commands = {"ours": ours, "osc": osc, "curl": self.curl_for(parsed)}
        samples = {t: [] for t in commands}
        skipped = {}
        runs = self.rounds * 4
        for round_no in range(runs):
            order = list(commands) if round_no % 2 == 0 else list(reversed(commands))
            for tool in order:
                if tool == "osc" and round_no >= self.rounds:
                    continue
                seconds, _, done = self.timed(commands[tool])
                if done.returncode:
                    skipped[tool] = f"exit {done.returncode}: {done.stderr.strip()[-200:]}"
                else:
                    samples[tool].append(seconds)
                self.clean_rule()
        self.record("rule-create", "`security group rule create <group name>` (curl: ours' requests)", samples,
                    skipped, commands)

    def clean_rule(self):
        d = self.data
        rules = d.get(f"{d.network}/v2.0/security-group-rules?security_group_id={d.ids['secgroup']}"
                      "&port_range_min=4999")["security_group_rules"]
        for rule in rules:
            d.http("DELETE", f"{d.network}/v2.0/security-group-rules/{rule['id']}", d.token, ok=(204, 404))

    def volume_create(self):
        """`volume create --size 1`, then `volume show -c status` every 0.5 s until `available` (the same loop for
        the three tools; curl: ours' requests, then its GET). Timed: the create alone, and create + wait."""
        d = self.data
        stamp = int(time.time())
        create, total = {"ours": [], "osc": [], "curl": []}, {"ours": [], "osc": [], "curl": []}
        skipped, commands = {}, {}
        probe_name = f"{PREFIX}-vc-probe-{stamp}"
        counts_ours, parsed = self.requests([self.ours, "volume", "create", "--size", "1", probe_name])
        counts_osc, _ = self.requests([self.osc, "volume", "create", "--size", "1", probe_name + "-osc"])
        self.counts["volume-create"] = {"ours": counts_ours, "osc": counts_osc}
        show_ours, show_parsed = self.requests([self.ours, "volume", "show", "-f", "value", "-c", "status",
                                                probe_name])
        self.counts["volume-show"] = {"ours": show_ours}
        post = [r for r in parsed if r[0] == "POST" and not is_identity(r[1], d.auth_url)]
        # ours' GETs before the POST (Cinder's version and microversion range), for curl to make them too
        before = [r for r in parsed if r[0] == "GET" and not is_identity(r[1], d.auth_url)]
        for round_no in range(self.rounds * 2):
            order = ("ours", "curl", "osc") if round_no % 2 == 0 else ("osc", "curl", "ours")
            for tool in order:
                if tool == "osc" and round_no >= self.rounds:
                    continue
                name = f"{PREFIX}-vc-{tool}-{stamp}-{round_no}"
                if tool == "curl":
                    method, url, headers, body = post[0]
                    body = json.dumps(dict(json.loads(body), volume=dict(json.loads(body)["volume"], name=name)))
                    last = self.curl_for([(method, url, headers, body)])
                    last = [a for a in last if a not in ("-o", "/dev/null")]   # its answer has the volume's ID
                    argv = (self.curl_for(before) + ["--next"] + last[1:]) if before else last
                else:
                    exe = self.ours if tool == "ours" else self.osc
                    argv = [exe, "volume", "create", "--size", "1", "-f", "value", "-c", "id", name]
                commands[tool] = argv
                started = time.monotonic()
                done = self.runner.run(argv, self.runner.env)
                created = time.monotonic() - started
                if done.returncode:
                    skipped[tool] = f"exit {done.returncode}: {done.stderr.strip()[-200:]}"
                    continue
                vid = json.loads(done.stdout)["volume"]["id"] if tool == "curl" else done.stdout.strip()
                if tool == "curl":
                    show = self.curl_for([("GET", f"{url}/{vid}", headers, None)])
                    show = [a for a in show if a not in ("-o", "/dev/null")]
                else:
                    show = [argv[0], "volume", "show", "-f", "value", "-c", "status", vid]
                commands[tool + "-show"] = show
                status = None
                while status != "available" and time.monotonic() - started < 120:
                    time.sleep(0.5)
                    out = self.runner.run(show, self.runner.env).stdout
                    status = json.loads(out)["volume"]["status"] if tool == "curl" else out.strip()
                    if status == "error":
                        break
                if status == "available":
                    create[tool].append(created)
                    total[tool].append(time.monotonic() - started)
                else:
                    skipped[tool] = f"volume {status} after {time.monotonic() - started:.0f} s"
        self.record("volume-create", "`volume create --size 1` (curl: ours' requests)", create, skipped,
                    {t: commands.get(t) for t in create})
        self.record("volume-create-wait", "`volume create --size 1`, then `volume show -c status` every 0.5 s "
                    "until `available` (curl: ours' requests, then GET)", total, skipped,
                    {t: commands.get(t + "-show") for t in total})
        for v in d.list_volumes():
            if v["name"].startswith(f"{PREFIX}-vc-"):
                d.http("DELETE", f"{d.volume}/volumes/{v['id']}", d.token, ok=(202, 404))
