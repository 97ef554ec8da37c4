"""Create Neutron's database schema from its models (used by scripts/devcloud).

Neutron's alembic migrations fail on sqlite ("No support for ALTER of constraints"), so the
tables are made from the model metadata of `neutron.db.migration.models.head` (plus the models
of any extra MODULE given, e.g. a service plugin package's own head module); the caller then
runs `neutron-db-manage stamp heads` (and sqlite_immediate.py --wal).

    python neutron-create-schema.py SQLITE_URL [MODULE...]
"""

import importlib
import sys

import sqlalchemy as sa


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__.strip().splitlines()[-1].strip())
    url = argv[1]
    from neutron.db.migration.models import head

    for module in argv[2:]:
        importlib.import_module(module)
    engine = sa.create_engine(url)
    head.get_metadata().create_all(engine)
    print(f"neutron-create-schema: {len(head.get_metadata().tables)} tables")


if __name__ == "__main__":
    main(sys.argv)
