"""Run Nova's API, conductor, scheduler and compute in one process (used by scripts/devcloud).

Nova 34 in native-threading mode (no eventlet).  The services talk over oslo.messaging's
in-memory `fake:/` transport, which only connects threads of one process, so all four run
here: conductor, scheduler and compute as oslo.service services of one in-process Launcher,
and the compute API (the `osapi_compute` WSGI app, as nova.wsgi.osapi_compute builds it)
served by cheroot in a thread.  The compute service talks to the database directly (as in
Nova's own functional tests), not through the conductor.

    OS_NOVA_CONFIG_DIR=DIR python nova-server.py HOST PORT

DIR holds nova.conf and api-paste.ini.  The virt driver `devcloud_fake.DevcloudFakeDriver`
(nova_devcloud_driver.py beside this file) is made importable here.  oslo.db's sqlite transactions begin IMMEDIATE
(devcloud.d/sqlite_immediate.py), so the threads' parallel writes wait instead of failing
with "database is locked".
"""

import os
import sys

os.environ["OS_NOVA_DISABLE_EVENTLET_PATCHING"] = "true"
from nova import monkey_patch  # noqa: E402  (before anything else of Nova's)

monkey_patch.patch(backend="threading")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sqlite_immediate  # noqa: E402

sqlite_immediate.install()

import threading  # noqa: E402


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    del sys.argv[1:]  # the API's config parsing reads sys.argv: files come from the environment

    # parses the config (OS_NOVA_CONFIG_DIR), sets up logging, rpc and the database API
    from nova.api.openstack import wsgi_app

    app = wsgi_app.init_application("osapi_compute", "nova-api-os-compute")

    # the fake driver with snapshots, where Nova looks for drivers (nova.virt.<name>)
    import nova_devcloud_driver

    sys.modules["nova.virt.devcloud_fake"] = nova_devcloud_driver

    import os_vif
    from cheroot import wsgi
    from oslo_config import cfg
    from oslo_log import log as logging
    from oslo_service import service as os_service

    from nova.compute import rpcapi as compute_rpcapi
    from nova.conductor import rpcapi as conductor_rpcapi
    from nova import objects
    from nova.scheduler import rpcapi as scheduler_rpcapi
    from nova import service

    log = logging.getLogger("devcloud.nova-server")
    objects.register_all()
    objects.Service.enable_min_version_cache()
    os_vif.initialize()

    wait_for_credentials(log)
    launcher = os_service.Launcher(cfg.CONF, restart_method="mutate")
    services = []
    for binary, topics in (
        ("nova-conductor", {"topic": conductor_rpcapi.RPC_TOPIC}),
        ("nova-scheduler", {"topic": scheduler_rpcapi.RPC_TOPIC}),
        # as nova-compute does: the second topic serves graceful shutdown
        ("nova-compute", {"topic": compute_rpcapi.RPC_TOPIC,
                          "topic_alt": compute_rpcapi.RPC_TOPIC_ALT}),
    ):
        services.append(service.Service.create(binary=binary, **topics))
        launcher.launch_service(services[-1])

    server = wsgi.Server((host, port), app, numthreads=8)
    server.prepare()  # binds now: a taken port fails here, not in the thread
    threading.Thread(target=server.serve, name="osapi_compute", daemon=True).start()
    log.info("devcloud: compute API listening on http://%s:%d", host, port)
    threading.Thread(target=announce_ready, args=(services, log), daemon=True).start()
    try:
        launcher.wait()
    finally:
        server.stop()


def wait_for_credentials(log):
    """Wait until Keystone accepts Nova's service user.

    The compute service reports to Placement as soon as it starts, and exits if its user
    cannot authenticate; scripts/devcloud starts the services first and registers their
    users in Keystone once Keystone is up, so on a fresh cloud Nova may come first.
    """
    import time

    from keystoneauth1 import exceptions as ks_exc
    from keystoneauth1 import loading as ks_loading
    from oslo_config import cfg

    auth = ks_loading.load_auth_from_conf_options(cfg.CONF, "placement")
    session = ks_loading.load_session_from_conf_options(cfg.CONF, "placement", auth=auth)
    said = False
    while True:
        try:
            session.get_token()
            return
        # not registered yet, not listening yet, or busy (a 5xx while every service logs in at once)
        except (ks_exc.HttpError, ks_exc.ConnectFailure, ks_exc.DiscoveryFailure):
            if not said:
                log.info("devcloud: waiting for Keystone to accept the user nova")
                said = True
            auth.invalidate()
            time.sleep(0.5)


def announce_ready(services, log):
    """Log READY once every service listens and the scheduler has mapped this compute host.

    The launcher starts the services in threads; scripts/devcloud waits for this line.
    """
    import time

    from oslo_config import cfg

    from nova import context
    from nova import exception
    from nova import objects

    ctxt = context.get_admin_context()
    while True:
        if all(s.rpcserver is not None for s in services):
            try:
                objects.HostMapping.get_by_host(ctxt, cfg.CONF.host)
                break
            except exception.HostMappingNotFound:
                pass
        time.sleep(0.5)
    log.info("%s (host %s)", READY, cfg.CONF.host)


READY = "devcloud: nova ready: conductor, scheduler, compute and API up, host mapped"


if __name__ == "__main__":
    sys.exit(main())
