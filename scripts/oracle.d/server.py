"""The OSC oracle's fork server: python-openstackclient (OSC) imported once, forked per command.

Run by the devcloud clients venv's python (no flags, like OSC's own `openstack` script), started
by the client (scripts/oracle.d/client.py) when no server answers on its socket; never by hand:

    python server.py SOCKET REAL_OPENSTACK KEY IDLE_SECONDS WATCHED_FILE...

It imports openstackclient, its plugins, cliff, openstacksdk and keystoneauth and every command
module their entry points name, then listens on the unix socket SOCKET.  For each connection it
forks a worker, which receives a request (argv, environment, umask, ignored signals, and the
caller's cwd, stdin, stdout and stderr as file descriptors, SCM_RIGHTS) and forks the command's
process.  That process undoes everything that would make it differ from a fresh `openstack`
(environment, cwd, umask, signal dispositions, stdio objects, sys.argv, __main__) and runs the
real console script's code (REAL_OPENSTACK) as __main__.  The worker waits for it and reports
its exit status (code, or the signal that killed it) to the client; it forwards signals from
the client and kills the command if the client disappears.

Environment variables read while importing are recorded; a request whose environment gives one
of them another value than this server's is refused ("fallback": the client then runs the real
executable), because a fresh process would have imported with the request's value.

The server exits after IDLE_SECONDS without requests, when its key changes (the venv or this
code changed; see client.py), on SIGTERM, or when its socket file is removed or replaced.
It logs to stderr (the client points it at SOCKET's .log).  See docs/testbed.md.
"""

import os
import select
import signal
import socket
import struct
import sys
import time
import warnings

# The stdio objects python made for the server: their encoding, errors and buffering are what
# it makes for a command started with the same variables.
SERVER_STDIO = (sys.__stdin__, sys.__stdout__, sys.__stderr__)
SOCKET_PATH, REAL, KEY, IDLE = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
WATCHED = sys.argv[5:]
MAX_FDS = 8


def log(msg):
    sys.stderr.write(f"{time.strftime('%Y-%m-%dT%H:%M:%S')} oracle[{os.getpid()}]: {msg}\n")
    sys.stderr.flush()


# ----------------------------------------------------------------------------------------
# Pre-loading, with a record of the environment variables read meanwhile.

class RecordingEnviron(type(os.environ)):
    """os.environ's class while importing: notes each variable read, with its value (or None)
    and the modules that read it ("*": the whole environment was read)."""

    reads = {}
    readers = {}

    @staticmethod
    def note(key, value):
        RecordingEnviron.reads.setdefault(key, value)
        frame = sys._getframe(2)
        while frame and frame.f_globals.get("__name__") in SKIPPED_MODULES:
            frame = frame.f_back
        reader = frame.f_globals.get("__name__", "?") if frame else "?"
        RecordingEnviron.readers.setdefault(key, set()).add(reader)

    def __getitem__(self, key):
        try:
            value = super().__getitem__(key)
        except KeyError:
            self.note(key, None)
            raise
        self.note(key, value)
        return value

    def __contains__(self, key):
        self.note(key, super().get(key))
        return super().__contains__(key)

    def __iter__(self):
        self.note("*", "")
        return super().__iter__()

    def copy(self):
        self.note("*", "")
        return super().copy()


class RecordingArgv(list):
    """sys.argv while importing (the real script's path alone): notes the modules reading it."""

    readers = set()

    def _note(self):
        frame = sys._getframe(2)
        RecordingArgv.readers.add(frame.f_globals.get("__name__", "?") if frame else "?")

    def __getitem__(self, i):
        self._note()
        return super().__getitem__(i)

    def __iter__(self):
        self._note()
        return super().__iter__()

    def __len__(self):
        self._note()
        return super().__len__()


# Modules between os.environ and whoever reads it.
SKIPPED_MODULES = {"os", "_collections_abc", "collections.abc", "posixpath", "genericpath", __name__}


def redo_editor():
    import cmd2
    cmd2.Cmd.DEFAULT_EDITOR = cmd2.utils.find_editor()


def redo_pager():
    import autopage
    kw = autopage.AutoPager.__init__.__kwdefaults__ or {}
    if "pager_command" in kw:
        kw["pager_command"] = autopage.command.DefaultPager()
    else:
        init = autopage.AutoPager.__init__
        code = init.__code__
        names = code.co_varnames[:code.co_argcount]
        defaults = list(init.__defaults__)
        defaults[names.index("pager_command") - (len(names) - len(defaults))] = \
            autopage.command.DefaultPager()
        init.__defaults__ = tuple(defaults)


def redo_cliff_name():
    """cliff.app.App.NAME and LOG, computed from sys.argv[0] when cliff is imported."""
    import logging
    from cliff import app
    name = os.path.splitext(os.path.basename(sys.argv[0]))[0]
    if name == "__main__":
        name = os.path.split(os.path.dirname(sys.argv[0]))[-1]
    if name != app.App.NAME:
        app.App.NAME = name
        app.App.LOG = logging.getLogger(name)


def redo_wsgiref():
    import wsgiref.handlers
    wsgiref.handlers.BaseHandler.os_environ = wsgiref.handlers.read_environ()


# What modules compute from the environment when imported, redone in each command's process
# with the command's environment: (variable, the module that reads it, how to redo it).  A
# variable read while importing and not covered here must have the server's value in a
# request, else the request is refused (see mismatch()).
REDONE = [
    ("EDITOR", "cmd2.utils", redo_editor),     # cmd2.Cmd.DEFAULT_EDITOR = find_editor()
    ("PATH", "cmd2.utils", redo_editor),
    ("PAGER", "autopage.command", redo_pager),  # AutoPager(pager_command=DefaultPager())
    ("*", "wsgiref.handlers", redo_wsgiref),     # BaseHandler.os_environ = read_environ()
    ("sys.argv", "cliff.app", redo_cliff_name),  # App.NAME, App.LOG from sys.argv[0]
]


def covered(name):
    """The variable's every import-time reader is redone in the command's process."""
    known = {module for var, module, _ in REDONE if var == name}
    return bool(known) and RecordingEnviron.readers.get(name, {"?"}) <= known


# Entry point groups whose objects `openstack` may load: its commands, plugins, formatters,
# auth plugins.
GROUPS = ("openstack.", "cliff.formatter.", "keystoneauth1.plugin")


def preload():
    # As for the real script: sys.path[0] is the directory of the (symlink-resolved) script.
    sys.path[0] = os.path.dirname(os.path.realpath(REAL))
    environ_class = type(os.environ)
    os.environ.__class__ = RecordingEnviron
    server_argv = sys.argv
    sys.argv = RecordingArgv([REAL])
    shown = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            import openstackclient.shell  # noqa: F401
            import openstackclient.common.clientmanager  # noqa: F401  (plugin modules)
            from importlib.metadata import distributions
            failed = 0
            for dist in distributions():
                for ep in dist.entry_points:
                    if ep.group.startswith(GROUPS):
                        try:
                            ep.load()
                        except Exception as e:  # an optional dependency missing, say
                            failed += 1
                            log(f"preload: {ep.group} {ep.name}: {type(e).__name__}: {e}")
        shown = [str(w.message) for w in caught]
    finally:
        os.environ.__class__ = environ_class
        sys.argv = server_argv
    for w in shown:
        log(f"preload: warning while importing: {w}")
    import threading
    if threading.active_count() != 1:
        log(f"preload: {threading.active_count()} threads after the imports (forks lose them)")
    log(f"preloaded {len(sys.modules)} modules ({failed} entry points failed)")
    RecordingEnviron.readers["sys.argv"] = RecordingArgv.readers
    argv_ok = covered("sys.argv")
    log(f"read while importing: sys.argv by {', '.join(sorted(RecordingArgv.readers))} "
        f"({'redone' if argv_ok else 'NOT REDONE: the name the command is run by may differ'})")
    del RecordingEnviron.readers["sys.argv"]
    checked = {k: v for k, v in RecordingEnviron.reads.items() if not covered(k)}
    for name, readers in sorted(RecordingEnviron.readers.items()):
        how = "checked" if name in checked else "redone"
        log(f"read while importing: {name} by {', '.join(sorted(readers))} ({how})")
    return checked


# ----------------------------------------------------------------------------------------
# Requests.  The client sends one message: a 4-byte length, then NUL-separated fields, with
# the file descriptors attached (cwd, then the stdio fds the flags field says are open):
#   b"OSC1", key, argv0, nargs, args..., nenv, "NAME=VALUE"..., umask (octal),
#   ignored signal numbers (comma-separated), stdio flags ("101": stdin and stderr open)
# Replies, 5 bytes each: b"S" + pid (started), then b"X" + exit code or b"K" + signal
# number; or b"F" + 0 (fallback: run the real executable; the reason is logged).
# The client may send b"G" + signal number (forward a signal); EOF means it is gone.

def recv_request(conn):
    fds = []
    data = b""
    need = None
    while need is None or len(data) < need + 4:
        msg, anc, _flags, _addr = conn.recvmsg(1 << 16, socket.CMSG_SPACE(MAX_FDS * 4))
        for level, kind, payload in anc:
            if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                n = len(payload) // 4
                fds.extend(struct.unpack(f"{n}i", payload[:n * 4]))
        if not msg:
            raise EOFError("client closed the connection mid-request")
        data += msg
        if need is None and len(data) >= 4:
            need = struct.unpack("!I", data[:4])[0]
    fields = data[4:need + 4].split(b"\0")
    it = iter(fields)
    if next(it) != b"OSC1":
        raise ValueError("bad request")
    req = {"key": next(it).decode(), "argv0": next(it)}
    req["args"] = [next(it) for _ in range(int(next(it)))]
    env = {}
    for _ in range(int(next(it))):
        k, _, v = next(it).partition(b"=")
        env[k] = v
    req["env"] = env
    req["umask"] = int(next(it), 8)
    ignored = next(it)
    req["ignored"] = [int(s) for s in ignored.split(b",")] if ignored else []
    req["stdio"] = next(it).decode()
    req["fds"] = fds
    return req


def reply(conn, tag, n):
    try:
        conn.sendall(tag + struct.pack("!i", n))
    except OSError:
        pass


def mismatch(req, imported_env):
    """The first variable read at import whose value the request changes, else None."""
    env = req["env"]
    for name, value in imported_env.items():
        if name == "*":
            return "the environment was iterated while importing"
        theirs = env.get(os.fsencode(name))
        if (theirs is None) != (value is None) or (theirs is not None
                                                     and theirs != os.fsencode(value)):
            return f"{name} differs from the server's"
    return None


def worker(conn, listener, imported_env):
    """In the forked worker: returns the request in the command's process; never returns in
    the worker itself."""
    listener.close()
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        req = recv_request(conn)
    except (OSError, ValueError, EOFError, StopIteration) as e:
        log(f"bad request: {e}")
        os._exit(1)
    why = ("the client's key differs" if req["key"] != KEY else mismatch(req, imported_env))
    if why:
        log(f"fallback to the real executable: {why}")
        reply(conn, b"F", 0)
        os._exit(0)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        return req
    for fd in req["fds"]:
        os.close(fd)
    reply(conn, b"S", pid)
    pidfd = os.pidfd_open(pid)
    while True:
        ready, _, _ = select.select([conn, pidfd], [], [])
        if pidfd in ready:
            break
        try:
            msg = conn.recv(5)
        except OSError:
            msg = b""
        if len(msg) == 5 and msg[:1] == b"G":
            try:
                os.kill(pid, struct.unpack("!i", msg[1:])[0])
            except OSError:
                pass
        elif not msg:  # the client is gone: so must the command be
            os.kill(pid, signal.SIGKILL)
            break
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        reply(conn, b"K", os.WTERMSIG(status))
    else:
        reply(conn, b"X", os.waitstatus_to_exitcode(status))
    os._exit(0)


def key_still_valid():
    """The watched files are still the ones the key names (the client's stamp(): path, inode,
    mtime and size of each, ";"-separated); a reinstalled venv or a changed oracle differs."""
    for part in KEY.split("|", 1)[0].split(";"):
        path, *ident = part.rsplit(":", 3)
        try:
            st = os.stat(path)
        except OSError:
            if part.endswith(":-"):
                continue
            return False
        if ident != [str(st.st_ino), str(st.st_mtime_ns), str(st.st_size)]:
            return False
    return True


def serve(imported_env):
    """The accept loop: returns a request, in each command's process only."""
    try:
        os.unlink(SOCKET_PATH)
    except FileNotFoundError:
        pass
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(SOCKET_PATH)
    listener.listen(64)
    ino = os.stat(SOCKET_PATH).st_ino
    with open(SOCKET_PATH[:-len(".sock")] + ".pid", "w") as f:
        f.write(f"{os.getpid()}\n")
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    workers = set()
    last = time.monotonic()
    log(f"listening on {SOCKET_PATH}")
    while not stop:
        try:
            ready, _, _ = select.select([listener], [], [], 2.0)
        except InterruptedError:
            ready = []
        while workers:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                workers.clear()
                break
            if pid == 0:
                break
            workers.discard(pid)
        if ready:
            conn, _ = listener.accept()
            last = time.monotonic()
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:
                return worker(conn, listener, imported_env)
            workers.add(pid)
            conn.close()
            continue
        if workers:
            last = time.monotonic()
        try:
            replaced = os.stat(SOCKET_PATH).st_ino != ino
        except OSError:
            replaced = True
        if replaced:
            log("socket removed or replaced: exiting")
            sys.exit(0)
        if not key_still_valid():
            log("key changed (venv or oracle updated): exiting")
            break
        if time.monotonic() - last > IDLE:
            log(f"idle for {IDLE:g} s: exiting")
            break
    listener.close()
    try:
        if os.stat(SOCKET_PATH).st_ino == ino:
            os.unlink(SOCKET_PATH)
    except OSError:
        pass
    pid_file = SOCKET_PATH[:-len(".sock")] + ".pid"
    try:
        with open(pid_file) as f:
            if f.read().strip() == str(os.getpid()):
                os.unlink(pid_file)
    except OSError:
        pass
    sys.exit(0)


# ----------------------------------------------------------------------------------------
# The command's process: make it a fresh `openstack`.

def stdio(fd, write, encoding, errors):
    """sys.stdin/stdout/stderr as CPython makes them at start-up (create_stdio, POSIX); the
    server was started with the same PYTHON* variables, so sys.flags are the command's."""
    import io
    buffered = not SERVER_STDIO[1].write_through  # false with -u or PYTHONUNBUFFERED
    buffering = 0 if write and not buffered else -1
    buf = io.open(fd, "wb" if write else "rb", buffering, closefd=False)
    raw = buf.raw if buffering else buf
    raw.name = ("<stdin>", "<stdout>", "<stderr>")[fd]
    line_buffering = buffered and (raw.isatty() or fd == 2)
    text = io.TextIOWrapper(buf, encoding, errors, "\n", line_buffering, not buffered)
    text.mode = "w" if write else "r"
    return text


def become_command(req):
    # Signal dispositions of a fresh python: SIGINT raises KeyboardInterrupt, SIGPIPE and
    # SIGXFSZ ignored, the rest default; and whatever the caller ignored stays ignored.
    for sig in signal.valid_signals():
        if sig in (signal.SIGKILL, signal.SIGSTOP):
            continue
        try:
            signal.signal(sig, signal.SIG_DFL)
        except (OSError, ValueError):
            pass
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    for sig in req["ignored"]:
        try:
            signal.signal(sig, signal.SIG_IGN)
        except (OSError, ValueError):
            pass
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    fds = list(req["fds"])
    os.fchdir(fds.pop(0))
    enc = [(s.encoding, s.errors) for s in SERVER_STDIO]
    for target, flag in enumerate(req["stdio"]):
        if flag == "1":
            fd = fds.pop(0)
            os.dup2(fd, target)
            os.close(fd)
        else:
            os.close(target)
    # Nothing else stays open: the listener and connection were closed or are closed here.
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        if fd > 2:
            try:
                os.close(fd)
            except OSError:
                pass
    os.umask(req["umask"])
    os.environ.clear()
    for k, v in req["env"].items():
        os.environb[k] = v
    time.tzset()
    streams = []
    for fd in range(3):
        streams.append(stdio(fd, fd > 0, *enc[fd]) if req["stdio"][fd] == "1" else None)
    sys.stdin, sys.stdout, sys.stderr = streams
    sys.__stdin__, sys.__stdout__, sys.__stderr__ = streams
    argv0 = os.fsdecode(req["argv0"])
    sys.argv = [argv0] + [os.fsdecode(a) for a in req["args"]]
    sys.orig_argv = [sys.executable] + sys.argv
    sys.path[0] = os.path.dirname(os.path.realpath(REAL))
    for redo in dict.fromkeys(redo for _, module, redo in REDONE if module in sys.modules):
        redo()
    import random
    random.seed()
    import types
    main = types.ModuleType("__main__")
    main.__file__ = argv0
    main.__builtins__ = __builtins__
    main.__cached__ = None
    sys.modules["__main__"] = main
    with open(REAL, "rb") as f:
        source = f.read()
    # The script runs under the name it was called by (as python names a script's code by
    # the path it was given); tracebacks must quote the real script's lines, not the
    # client's (linecache keeps an entry without mtime as it is).
    import linecache
    text = source.decode("utf-8", "replace")
    linecache.cache[argv0] = (len(text), None, text.splitlines(True), argv0)
    return compile(source, argv0, "exec"), main.__dict__


def exit_code(e):
    """The exit status the interpreter makes of an uncaught SystemExit (_Py_HandleSystemExit)."""
    code = e.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    try:
        if sys.stderr is not None:
            sys.stderr.write(str(code) + "\n")
            sys.stderr.flush()
    except Exception:
        pass
    return 1


def finish(code):
    """What the interpreter's shutdown does that can be seen from outside, then exit: wait for
    the non-daemon threads, run the atexit callbacks, flush sys.stdout and sys.stderr.  The
    rest of the shutdown (tearing down 1800 modules) costs about 0.3-2 s and shows nothing,
    so it is skipped -- unless a flush fails: then the real shutdown runs, which reports the
    failure as python does ("Exception ignored ...", exit status 120)."""
    if "threading" in sys.modules:
        sys.modules["threading"]._shutdown()
    import atexit
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and not stream.closed:
            try:
                stream.flush()
            except Exception:
                sys.exit(code)  # python's own shutdown: flushes again and reports the error
    os._exit(code)


if __name__ == "__main__":
    _imported_env = preload()
    # Everything imported so far is moved out of the collector's reach: the commands' cycle
    # collections and shutdown do not walk (and copy-on-write) the server's objects.
    import gc
    gc.freeze()
    _req = serve(_imported_env)
    # Only the command's process gets here.
    _code, _globals = become_command(_req)
    del _req, _imported_env
    try:
        exec(_code, _globals)
    except SystemExit as _e:
        finish(exit_code(_e))
    except BaseException as _e:  # what the interpreter does with an uncaught exception
        _tb = _e.__traceback__.tb_next  # without this file's frame
        _e.with_traceback(_tb)
        if sys.excepthook is sys.__excepthook__:
            # What the built-in hook prints, but quoting lines through linecache (the
            # built-in hook reads the file named by the code, here the client's).
            import traceback
            traceback.print_exception(type(_e), _e, _tb)
        else:
            sys.excepthook(type(_e), _e, _tb)
        if isinstance(_e, KeyboardInterrupt):
            # python exits by the signal, after its shutdown
            if "threading" in sys.modules:
                sys.modules["threading"]._shutdown()
            import atexit
            atexit._run_exitfuncs()
            for _s in (sys.stdout, sys.stderr):
                try:
                    _s.flush()
                except Exception:
                    pass
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGINT)
        finish(1)
    finish(0)
