"""Run Cinder's API, scheduler, volume and backup services in one process (for scripts/devcloud).

cinder-api, cinder-scheduler, cinder-volume and cinder-backup are normally four processes
talking over a message broker; oslo.messaging's in-memory `fake:/` transport cannot connect
separate processes.  Here all of them are greenthreads of one eventlet process under
oslo.service's in-process Launcher, so `transport_url = fake:/` works without a broker.
Start-up follows what the four `cinder.cmd` entry points do: object registration, config,
logging, privsep, os-brick, coordination, rpc.

    python cinder-server.py --config-file cinder.conf [--backup]

One cinder-volume service is started per name in `enabled_backends` (host
`<host>@<backend>`); with --backup, cinder-backup too (with the config's `backup_driver`).
"""

# eventlet must patch the standard library before anything else is imported (as cinder.cmd.*)
from cinder import monkey_patch  # isort: skip

monkey_patch.patch()

import logging as python_logging  # noqa: E402
import shlex  # noqa: E402
import sys  # noqa: E402

import os_brick  # noqa: E402
from oslo_config import cfg  # noqa: E402
from oslo_log import log as logging  # noqa: E402
from oslo_privsep import priv_context  # noqa: E402
from oslo_service import service as oslo_service  # noqa: E402

from cinder import coordination, i18n, objects, rpc, service, utils, version  # noqa: E402
from cinder.common import config  # noqa: E402
from cinder.common import constants  # noqa: E402

i18n.enable_lazy()
CONF = cfg.CONF


def report_own_state(report_state):
    """Wrap Service.report_state so that each service's heartbeat updates its own row.

    cinder.service.Service keeps the id of its database row in a class attribute (one
    service per process is assumed): with several services in one process every heartbeat
    would go to the last one started and the others would be seen as down ("volume service
    is down", then "No valid backend").  Each instance remembers its own id as
    origin_service_id; put it back before each report (no greenthread switch in between).
    """

    def wrapper(self):
        service.Service.service_id = self.origin_service_id
        return report_state(self)

    return wrapper


service.Service.report_state = report_own_state(service.Service.report_state)


def run_privileged_in_process():
    """Run privsep's privileged functions in this process, as this process's user.

    Normally they run in a daemon started through `sudo cinder-rootwrap`, which a test bed
    has neither.  cinder-backup asks os-brick for the host's connector properties
    (system uuid, NVMe host NQN) that way before each backup; in-process, whatever needs
    root just fails and is skipped, as os-brick allows.  The fake driver needs no root.
    """
    import os_brick.privileged
    import cinder.privsep

    for pctxt in (
        os_brick.privileged.default,
        os_brick.privileged.brick_privsep_hide_output,
        cinder.privsep.sys_admin_pctxt,
    ):
        pctxt.set_client_mode(False)


def main():
    args = sys.argv[1:]
    backup = "--backup" in args
    if backup:
        args.remove("--backup")
        # its options (backup_max_operations) are registered by its entry point's module
        from cinder.cmd import backup as backup_cmd  # noqa: F401
    objects.register_all()
    CONF(args, project="cinder", version=version.version_string())
    config.set_middleware_defaults()
    logging.setup(CONF, "cinder")
    python_logging.captureWarnings(True)
    log = logging.getLogger("devcloud.cinder-server")
    priv_context.init(root_helper=shlex.split(utils.get_root_helper()))
    run_privileged_in_process()
    os_brick.setup(CONF)
    coordination.COORDINATOR.start()
    rpc.init(CONF)

    launcher = oslo_service.Launcher(CONF, restart_method="mutate")
    launcher.launch_service(service.WSGIService("osapi_volume"))
    launcher.launch_service(service.Service.create(binary=constants.SCHEDULER_BINARY))
    for backend in filter(None, CONF.enabled_backends):
        launcher.launch_service(
            service.Service.create(
                host="%s@%s" % (CONF.host, backend),
                service_name=backend,
                binary=constants.VOLUME_BINARY,
                coordination=True,
            )
        )
    if backup:
        semaphore = utils.semaphore_factory(CONF.backup_max_operations, 1)
        launcher.launch_service(
            service.Service.create(
                binary=constants.BACKUP_BINARY,
                coordination=True,
                service_name="backup",
                process_number=1,
                semaphore=semaphore,
            )
        )
    log.info("devcloud: cinder api, scheduler and volume services launched")
    launcher.wait()
    rpc.cleanup()


if __name__ == "__main__":
    sys.exit(main())
