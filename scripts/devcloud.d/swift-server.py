"""Run Swift's proxy, account, container and object servers in one process (for scripts/devcloud).

Each server is normally its own process (`swift-proxy-server proxy-server.conf`, ...), and
devcloud's process helpers track one process per service.  Here each config file's server
runs as an eventlet greenthread of this one process, set up and served the way
`swift-*-server` does it with `workers = 0` (swift.common.wsgi.run_wsgi and run_server), so
stopping this process stops all four.

    python swift-server.py DIR/proxy-server.conf DIR/account-server.conf ...

A file NAME.conf is served by its paste section `NAME` (app:proxy-server, ...).  Everything
is logged to stderr (the devcloud log): Swift's syslog handler is replaced by a null one.
"""

import logging
import os
import sys
import time
import warnings

import eventlet
import eventlet.event
import eventlet.hubs
import eventlet.wsgi
from swift.common import utils

# swift.common.constraints reads swift.conf once, when it is imported, from /etc/swift unless told otherwise (a
# server's swift_dir comes too late: the proxy's controllers copy the limits at import). The configs sit beside
# their swift.conf, so its [swift-constraints] (the listing limits of 100) must be read from there, first.
if len(sys.argv) > 1:
    utils.SWIFT_CONF_FILE = os.path.join(os.path.dirname(os.path.abspath(sys.argv[1])), "swift.conf")

from swift.common import constraints, wsgi  # noqa: E402 (after SWIFT_CONF_FILE)
from swift.common.http_protocol import SwiftHttpProtocol  # noqa: E402
from swift.common.utils import logs  # noqa: E402


class NoSyslog(logging.NullHandler):
    """Stands in for Swift's syslog handler: swift always adds one (/dev/log or UDP 514)."""

    def __init__(self, *args, **kwargs):
        super().__init__()


def serve(conf, logger, log_name, sock):
    """Serve one server's app on its socket: swift.common.wsgi.run_server without its
    eventlet.hubs.use_hub() call, which would drop the hub (and the other servers with it)."""
    app = wsgi.loadapp(conf["__file__"], global_conf={"log_name": log_name})
    eventlet.wsgi.server(
        sock,
        app,
        wsgi.NullLogger(),
        custom_pool=wsgi.RestrictedGreenPool(size=int(conf.get("max_clients", "1024"))),
        protocol=SwiftHttpProtocol,
        socket_timeout=float(conf.get("client_timeout") or 60),
        capitalize_response_headers=False,
        url_length_limit=constraints.MAX_REQUEST_LINE,
    )


def main():
    paths = sys.argv[1:]
    if not paths:
        sys.exit("usage: swift-server.py CONF...")
    utils.monkey_patch()
    # once, for all servers (as run_server does for its one)
    os.environ["TZ"] = "UTC+0"
    time.tzset()
    eventlet.hubs.use_hub(utils.get_hub())
    warnings.filterwarnings("ignore", message="capitalize_response_headers is disabled")
    logs.ThreadSafeSysLogHandler = NoSyslog
    servers = []
    for path in paths:
        section = os.path.splitext(os.path.basename(path))[0]
        # what run_wsgi does before it serves: config, swift_dir, logger, listening socket
        conf, logger, log_name = wsgi._initrp(path, section, verbose=True)
        sock = wsgi.get_socket(conf)
        logger.info("devcloud: %s on %s:%s", section, conf["bind_ip"], conf["bind_port"])
        servers.append(eventlet.spawn(serve, conf, logger, log_name, sock))
    return wait_any(servers)


def wait_any(servers):
    """Wait until one server ends (none should): then the process ends, so devcloud sees it."""
    done = eventlet.event.Event()
    for server in servers:
        server.link(lambda gt: done.ready() or done.send(gt))
    finished = done.wait()
    finished.wait()  # re-raises its exception, if any
    return 1


if __name__ == "__main__":
    sys.exit(main())
