"""Keep oslo.db services on sqlite from failing with "database is locked" (used by scripts/devcloud).

Under concurrent requests (Glance's parallel uploads, Placement's allocation claims during
Nova's parallel builds, Neutron's port creates) sqlite answers "database is locked": oslo.db
opens every transaction with a deferred `BEGIN`, two readers later both try to write, and the
one that loses cannot wait for the lock (sqlite cannot upgrade its read snapshot), so it fails
at once whatever the busy timeout.  The fix has three parts:

1. `install()`: every oslo.db engine on sqlite opens its transactions with `BEGIN IMMEDIATE`
   (the write lock is taken at the start, so a second writer waits instead of failing) and
   waits up to 60 s for a lock (`PRAGMA busy_timeout`, the same as `?timeout=60` on the URL).
   Call it before the service creates its engines: in a gunicorn.conf.py (the master runs it
   before it forks the workers, which inherit the patched oslo.db), or at the top of a
   launcher:

       import sys; sys.path.insert(0, "<scripts/devcloud.d>")
       import sqlite_immediate
       sqlite_immediate.install()

2. `?timeout=60` on each sqlite URL in the service's config (harmless twice).

3. WAL journal mode on each database file once its schema is made (readers then never block
   the writer); the mode is stored in the file:

       python sqlite_immediate.py --wal FILE.db...

Transactions that oslo.db's enginefacade opens as readers keep the deferred `BEGIN`: they
never write, in WAL mode they need no lock, and an IMMEDIATE one would deadlock a service that
opens an independent reader while its own writer holds the lock (Neutron does, e.g. the
network segment ranges read during a network delete: 60 s, then "database is locked").

Only sqlite engines are touched; it needs oslo.db in the importing interpreter.
"""

import sqlite3
import sys
import threading

BUSY_TIMEOUT_MS = 60000


# the modes of the enginefacade transaction blocks this thread is in, innermost last
_modes = threading.local()


def _track_reader_blocks():
    """Record the mode of each enginefacade block while it is open (for begin_immediate)."""
    import contextlib

    from oslo_db.sqlalchemy import enginefacade

    ctx_class = enginefacade._TransactionContext
    produce = ctx_class._produce_block

    def produce_block(self, *args, **kwargs):
        block = produce(self, *args, **kwargs)  # sets self.mode, returns a context manager

        @contextlib.contextmanager
        def tracked():
            stack = _modes.__dict__.setdefault("stack", [])
            stack.append(self.mode)
            try:
                with block as value:
                    yield value
            finally:
                stack.pop()

        return tracked()

    ctx_class._produce_block = produce_block
    return (enginefacade._READER, enginefacade._ASYNC_READER)


def install():
    """Make every oslo.db sqlite engine created from now on begin with BEGIN IMMEDIATE."""
    import sqlalchemy
    from oslo_db.sqlalchemy import engines

    if getattr(engines._init_events, "_devcloud_immediate", False):
        return  # already installed
    readers = _track_reader_blocks()
    original = engines._init_events

    def init_events(engine, *args, **kwargs):
        original(engine, *args, **kwargs)
        if engine.dialect.name != "sqlite":
            return

        def on_connect(dbapi_con, _record):
            dbapi_con.execute("PRAGMA busy_timeout = %d" % BUSY_TIMEOUT_MS)

        # replace oslo.db's own "begin" listener (it emits a deferred BEGIN) by one that
        # does the same with BEGIN IMMEDIATE; its "commit"/"rollback" listeners stay and
        # clear the same marker
        def begin_immediate(conn):
            if "in_transaction" not in conn.info:
                stack = getattr(_modes, "stack", None)
                reader = bool(stack) and stack[-1] in readers
                conn.execute(sqlalchemy.text("BEGIN" if reader else "BEGIN IMMEDIATE"))
                conn.info["in_transaction"] = True

        theirs = [f for f in engine.dispatch.begin if f.__name__ == "_sqlite_emit_begin"]
        if not theirs:  # an oslo.db that changed: say so rather than not fix anything
            raise RuntimeError("sqlite_immediate: oslo.db's sqlite BEGIN listener not found")
        for fn in theirs:
            sqlalchemy.event.remove(engine, "begin", fn)
        sqlalchemy.event.listen(engine, "connect", on_connect)
        sqlalchemy.event.listen(engine, "begin", begin_immediate)

    init_events._devcloud_immediate = True
    engines._init_events = init_events


def wal(path):
    """Switch the sqlite database file PATH to WAL journal mode (persistent)."""
    con = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        mode = con.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    finally:
        con.close()
    if mode.lower() != "wal":
        raise RuntimeError("%s: journal mode stays %s" % (path, mode))


def main(argv):
    if len(argv) < 2 or argv[0] != "--wal":
        sys.stderr.write("usage: sqlite_immediate.py --wal FILE.db...\n")
        return 2
    for path in argv[1:]:
        wal(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
