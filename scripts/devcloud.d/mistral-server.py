"""Run Mistral's API, engine and executor as threads of one process (used by scripts/devcloud).

`mistral-server --server all` forks one process per service, and oslo.messaging's in-memory
`fake:/` transport cannot connect separate processes.  Here oslo.service's in-process
Launcher replaces the ProcessLauncher, so `transport_url = fake:/` works without a broker.

    python mistral-server.py --config-file mistral.conf              # serve
    python mistral-server.py --config-file mistral.conf --create-db  # make the schema, exit

--create-db builds the schema from Mistral's models: its alembic migrations fail on sqlite
("No support for ALTER of constraints"); the caller then runs `mistral-db-manage stamp head`
and `mistral-db-manage populate`.
"""

import sys


def create_db(args):
    from mistral import config
    from mistral.db.v2 import api as db_api

    config.parse_args(args)
    db_api.setup_db()


def serve(args):
    # mistral.cmd selects oslo.service's threading backend: import it before oslo_service.service
    from mistral.cmd import launch
    from oslo_config import cfg
    from oslo_service import service

    launch.SERVER_PROCESS_MANAGER = service.Launcher(cfg.CONF)
    sys.argv = [sys.argv[0], *args, "--server", "api,engine,executor"]
    return launch.main()


def main():
    args = sys.argv[1:]
    if "--create-db" in args:
        args.remove("--create-db")
        return create_db(args)
    return serve(args)


if __name__ == "__main__":
    sys.exit(main())
