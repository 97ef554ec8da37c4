# The Python side of openstack-rs's bridge to python-openstackclient plugins (docs/plugins.md, "Python plugins").
#
# `openstack` runs it with the interpreter of the Python environment that holds the plugins, as
# `python -c <this file> --osc-plugin-manifest` or `... --osc-plugin-run`, speaking the external-plugin protocol:
#
# - the manifest lists every plugin module of the `openstack.cli.extension` entry point group, with the commands of
#   its `openstack.<api>.v<n>` groups, the option that picks its API version, and the directories whose changes
#   make `openstack` ask again;
# - a run gets the request through the descriptor in OSC_PLUGIN_FD, with the words typed after the command's name.
#   Here the command's own parser (the plugin's argparse definitions, custom actions and all) parses them and
#   prints help and usage errors, as in OSC; the command runs with a keystoneauth session built on the token
#   `openstack` sends (an access-info plugin: no second authentication); its output goes through cliff's own
#   formatters and comes back as text.
#
# It uses nothing but the standard library and what any OSC plugin environment has (cliff, osc-lib,
# keystoneauth1, openstacksdk), and it never prints a secret.
import sys

# `python -c` puts the current directory first on sys.path: a stray `cliff.py` there must not be imported.
if sys.path and sys.path[0] in ("", "."):
    del sys.path[0]

import importlib  # noqa: E402
import importlib.metadata  # noqa: E402
import inspect  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import traceback  # noqa: E402

PROTOCOL = 1
EXTENSION_GROUP = "openstack.cli.extension"
COMMAND_GROUP = re.compile(r"^openstack\.([^.]+)\.v(\d+)$")


def _version_option(module):
    """The global option the plugin adds (build_option_parser), with its default when no OS_* is set."""
    import argparse

    parser = argparse.ArgumentParser(add_help=False)
    dest = module.API_VERSION_OPTION
    option = {"dest": dest, "flag": None, "metavar": "", "env": "", "help": "", "option_default": None}
    build = getattr(module, "build_option_parser", None)
    if build is None:
        return option
    build(parser)
    for action in parser._actions:
        if action.dest != dest or not action.option_strings:
            continue
        option["flag"] = action.option_strings[-1]
        option["metavar"] = action.metavar or ""
        option["help"] = action.help or ""
        if action.default is not None:
            option["option_default"] = str(action.default)
        break
    option["env"] = "OS_" + dest[len("os_"):].upper() if dest.startswith("os_") else ""
    return option


class _Manager:
    """What cliff's Command asks of its application's command manager: the hooks' namespace."""

    namespace = "openstack.cli"


class _App:
    """The little of an OSC shell that a command touches: streams, options, the client manager."""

    NAME = "openstack"

    def __init__(self, stdout, options, client_manager, api_version):
        self.stdin = sys.stdin
        self.stdout = stdout
        self.stderr = sys.stderr
        self.options = options
        self.client_manager = client_manager
        self.api_version = api_version
        self.command_manager = _Manager()
        self.interactive_mode = False
        self.LOG = logging.getLogger("openstackclient.shell")


def _new_command(cls, name, app=None):
    kwargs = {}
    if "cmd_name" in inspect.getfullargspec(cls.__init__).args:
        kwargs["cmd_name"] = name
    return cls(app or _App(io.StringIO(), None, None, {}), getattr(app, "options", None), **kwargs)


def _description(cls):
    doc = getattr(cls, "_description", "") or inspect.getdoc(cls) or ""
    try:
        from cliff.command import Command

        if doc == inspect.getdoc(Command):
            doc = ""
    except ImportError:
        pass
    return str(doc)


_LIST_OPTIONS = "-h --help -f --format -c --column --quote --noindent --max-width --fit-width --print-empty"
_SHOW_OPTIONS = "-h --help -f --format -c --column --noindent --prefix --max-width --fit-width --print-empty"


def _kind(cls):
    """The command's kind, and the option strings `openstack` adds by itself for that kind."""
    try:
        from cliff.lister import Lister
        from cliff.show import ShowOne
    except ImportError:
        return "plain", {"-h", "--help"}
    if issubclass(cls, Lister):
        return "lister", set(_LIST_OPTIONS.split()) | {"--sort-column", "--sort-ascending", "--sort-descending"}
    if issubclass(cls, ShowOne):
        return "show_one", set(_SHOW_OPTIONS.split())
    return "plain", {"-h", "--help"}


def _command_spec(entry_point, name):
    cls = entry_point.load()
    # Fields at their default (`kind` plain, `arguments` null: the Python side parses) are left out: the cached
    # manifests of a large environment are read on every run of `openstack`.
    spec = {
        "name": name,
        # Only the summary: `openstack` shows nothing else of it (the Python side prints the command's help).
        "description": _description(cls).split("\n", 1)[0],
        "entry_point": entry_point.value,
    }
    # The kind only adds cliff's formatter options to the parser `openstack` keeps for completion, so they need
    # not be listed with the command's own.
    kind, inherited = _kind(cls)
    if kind != "plain":
        spec["kind"] = kind
    if not getattr(cls, "auth_required", True):
        spec["auth_required"] = False
    if getattr(cls, "deprecated", False):
        spec["deprecated"] = True
    try:
        parser = _new_command(cls, name).get_parser("openstack " + name)
        own = [s for a in parser._actions for s in a.option_strings if s not in inherited]
        if own:
            spec["option_strings"] = " ".join(own)
    except Exception:  # a parser that needs a cloud to build: completion only misses its options
        pass
    return spec


def _watched_dirs():
    """Where installing or removing a distribution changes a directory's timestamps."""
    dirs = []
    for entry in sys.path:
        if entry and os.path.isdir(entry) and entry not in dirs:
            dirs.append(os.path.abspath(entry))
    return dirs


def manifest():
    # Defaults must not depend on the OS_* of the run that happened to build the cached manifest.
    for key in [k for k in os.environ if k.startswith("OS_")]:
        del os.environ[key]
    extensions, groups, problems = [], {}, []
    seen = set()
    for dist in importlib.metadata.distributions():
        name = dist.metadata["Name"]
        if name in seen:  # an older copy further down sys.path is shadowed by the first
            continue
        seen.add(name)
        for ep in dist.entry_points:
            if ep.group == EXTENSION_GROUP:
                extensions.append((name, ep))
            elif COMMAND_GROUP.match(ep.group):
                groups.setdefault(ep.group, []).append(ep)
    plugins = []
    for dist_name, ep in sorted(extensions, key=lambda pair: pair[1].name):
        try:
            module = importlib.import_module(ep.module)
            api = module.API_NAME
            commands = {}
            for group, entries in groups.items():
                m = COMMAND_GROUP.match(group)
                if m.group(1) != api.replace("-", "_"):
                    continue
                # As cliff's CommandManager: a name defined twice (python-openstackclient itself declares some
                # `openstack.share.v2` commands) is the last definition's.
                specs = commands.setdefault(m.group(2), {})
                for entry in entries:
                    name = entry.name.replace("_", " ")
                    try:
                        specs[name] = _command_spec(entry, name)
                    except Exception as err:
                        problems.append(f"command {name!r} of {dist_name}: {err}")
            commands = {major: list(specs.values()) for major, specs in commands.items()}
            versions = getattr(module, "API_VERSIONS", None) or ()
            plugins.append(
                {
                    "protocol": PROTOCOL,
                    "api_name": api,
                    "module": {"name": ep.module.split(".")[0], "version": _module_version(dist_name)},
                    "dist": dist_name,
                    "version_option": _version_option(module),
                    "default_version": getattr(module, "DEFAULT_API_VERSION", None),
                    "supported_versions": sorted(versions, key=_version_key),
                    "accept_any_version": hasattr(module, "check_api_version"),
                    "commands": commands,
                    "entry_point": ep.module,
                }
            )
        except Exception as err:
            problems.append(f"plugin {ep.name} ({ep.module}) of {dist_name}: {err}")
    json.dump(
        {
            "protocol": PROTOCOL,
            "python": sys.version.split()[0],
            "watch": _watched_dirs(),
            "plugins": plugins,
            "problems": problems,
        },
        sys.stdout,
    )
    return 0


def _module_version(dist_name):
    try:
        return importlib.metadata.version(dist_name)
    except Exception:
        return ""


def _version_key(text):
    return [int(p) if p.isdigit() else 0 for p in str(text).split(".")]


class _ClientCache:
    """A plugin's client, made on first use from the plugin's make_client (osc-lib's ClientCache)."""

    def __init__(self, factory):
        self.factory = factory
        self.handle = None

    def __get__(self, instance, owner):
        if instance is None:
            return self
        if self.handle is None:
            self.handle = self.factory(instance)
        return self.handle


def _client_manager(request, plugin_module):
    """osc-lib's ClientManager on a session whose auth is the token `openstack` sent."""
    from keystoneauth1 import access
    from keystoneauth1.identity import access as access_plugin
    from openstack.config import cloud_region
    from osc_lib import clientmanager

    session = request["session"]
    token = session.get("token")
    tls = session.get("tls") or {}
    config = {
        "auth_type": "token",
        "auth": {},
        "interface": session.get("interface") or "public",
        "region_name": session.get("region_name") or "",
        "verify": tls.get("verify", True),
        "cacert": tls.get("cacert"),
        "cert": tls.get("cert"),
        "key": tls.get("key"),
        "api_timeout": session.get("timeout"),
        "timing": False,
    }
    for service, url in (session.get("endpoint_overrides") or {}).items():
        config[service + "_endpoint_override"] = url
    auth = None
    auth_ref = None
    if token:
        auth_ref = access.create(body=token["body"], auth_token=token["id"])
        auth = access_plugin.AccessInfoPlugin(auth_ref=auth_ref)
    region = cloud_region.CloudRegion(
        name=None,
        region_name=config["region_name"],
        config=config,
        auth_plugin=auth,
        app_name="openstack",
    )

    class Manager(clientmanager.ClientManager):
        _sdk = None

        @property
        def sdk_connection(self):
            if Manager._sdk is None:
                from openstack import connection

                Manager._sdk = connection.Connection(config=self._cli_options)
            return Manager._sdk

        def is_service_available_or_unknown(self, service_type):
            return self.is_service_available(service_type, self.region_name, self.interface) is not False

        def __getattr__(self, name):
            # Another plugin's client (a heat command asking for `compute`): OSC attaches every plugin module's;
            # here the module is found and imported only when asked for.
            if name.startswith("_") or name not in (self.__dict__.get("_api_version") or {}):
                raise AttributeError(name)
            for group in ("openstack.cli.base", EXTENSION_GROUP):
                for ep in importlib.metadata.entry_points(group=group):
                    try:
                        module = importlib.import_module(ep.module)
                    except Exception:
                        continue
                    if getattr(module, "API_NAME", None) == name and hasattr(module, "make_client"):
                        client = module.make_client(self)
                        setattr(self, name, client)
                        return client
            raise AttributeError(name)

        def is_network_endpoint_enabled(self):
            return self.is_service_available_or_unknown("network")

        def is_compute_endpoint_enabled(self):
            return self.is_service_available_or_unknown("compute")

    if plugin_module is not None:
        setattr(Manager, plugin_module.API_NAME, _ClientCache(plugin_module.make_client))
    manager = Manager(cli_options=region, api_version=dict(session.get("api_versions") or {}))
    manager._region_name = manager.region_name
    manager._interface = manager.interface
    manager._cacert = manager.cacert
    manager._insecure = not manager.verify
    manager._auth_required = token is not None
    if token:
        manager.auth_plugin_name = "token"
        manager.auth = auth
        manager.session = region.get_session()
        manager._auth_ref = auth_ref
        manager._auth_setup_completed = True
    return manager


def _log_level(name):
    return {"error": logging.ERROR, "warning": logging.WARNING, "info": logging.INFO, "debug": logging.DEBUG}.get(
        name, logging.WARNING
    )


def _set_up_logging(level):
    root = logging.getLogger("")
    root.setLevel(level)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    root.addHandler(handler)
    # As osc-lib: requests' and keystoneauth's chatter only with --debug.
    if level > logging.DEBUG:
        for name in ("keystoneauth", "stevedore", "urllib3", "iso8601"):
            logging.getLogger(name).setLevel(logging.WARNING)


class _Terminal(io.StringIO):
    """stdout as cliff's formatters see it: whether `openstack`'s stdout is a terminal."""

    def __init__(self, tty):
        super().__init__()
        self._tty = tty

    def isatty(self):
        return self._tty


def run():
    fd = int(os.environ["OSC_PLUGIN_FD"])
    with os.fdopen(fd, "rb") as pipe:
        request = json.loads(pipe.read())
    bridge = request.get("bridge") or {}
    session = request.get("session") or {}
    level = _log_level(session.get("log_level"))
    _set_up_logging(level)
    if bridge.get("columns") and "COLUMNS" not in os.environ:
        os.environ["COLUMNS"] = str(bridge["columns"])
    terminal_width = bridge.get("terminal_width")
    try:
        from cliff import utils as cliff_utils

        cliff_utils.terminal_width = lambda: terminal_width
    except ImportError:
        pass
    out = _Terminal(bool(terminal_width))
    # The answer owns the real stdout. What the command prints (python-mistralclient's deletes `print()`
    # "Request to delete ... accepted.") goes into `out`, in order with cliff's output; a stray write to
    # descriptor 1 from below Python lands on stderr instead of corrupting the answer.
    global _ANSWER
    _ANSWER = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = out
    try:
        code = _run(request, bridge, out, level)
    except KeyboardInterrupt:
        return _answer({"output": {"kind": "exit", "code": 130}})
    except _Failure as failure:
        text = out.getvalue()
        if text:  # printed as it went, then failed (python-mistralclient's deletes)
            output = {"kind": "text", "text": text}
            return _answer({"output": {"kind": "failed", "output": output, "message": failure.error["message"]}})
        return _answer({"error": failure.error})
    text = out.getvalue()
    if code == 0:
        return _answer({"output": {"kind": "text", "text": text}})
    if text:
        return _answer({"output": {"kind": "failed", "output": {"kind": "text", "text": text}, "message": ""}})
    return _answer({"output": {"kind": "exit", "code": code}})


class _Failure(Exception):
    def __init__(self, error):
        super().__init__(error.get("message"))
        self.error = error


def _run(request, bridge, out, level):
    name = request["command"]
    module_name, _, attr = bridge["entry_point"].partition(":")
    cls = importlib.import_module(module_name)
    for part in attr.split("."):
        cls = getattr(cls, part)
    plugin_module = importlib.import_module(bridge["plugin_module"]) if bridge.get("plugin_module") else None
    import argparse

    options = argparse.Namespace(debug=level <= logging.DEBUG, verbose_level=1, deferred_help=False)
    manager = _client_manager(request, plugin_module)
    app = _App(out, options, manager, manager._api_version)
    cmd = _new_command(cls, name, app)
    parser = cmd.get_parser(bridge.get("prog") or "openstack " + name)
    try:
        parsed = parser.parse_args(bridge.get("argv") or [])
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
    try:
        result = cmd.run(parsed)
    except Exception as err:
        raise _Failure(
            {"message": str(err), "exit_code": 1, "detail": "".join(traceback.format_exception(err))}
        ) from err
    return result if isinstance(result, int) else 0


_ANSWER = None


def _answer(document):
    document["protocol"] = PROTOCOL
    answer = _ANSWER or sys.stdout
    answer.write(json.dumps(document))
    answer.flush()
    return 0


def main(argv):
    if argv == ["--osc-plugin-manifest"]:
        return manifest()
    if argv == ["--osc-plugin-run"]:
        return run()
    sys.stderr.write("usage: osc_bridge.py --osc-plugin-manifest | --osc-plugin-run\n")
    return 2


sys.exit(main(sys.argv[1:]))
