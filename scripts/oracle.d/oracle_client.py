"""The OSC oracle's client: an `openstack` that has the fork server (server.py) run the command.

Not run directly: scripts/compat (and scripts/devcloud, for `OSC_ORACLE`) write an executable
named `openstack` made of this file plus a call of main() with the real `openstack`'s path, run
by the clients venv's python with -I -S so that it starts in about 20 ms.

main() sends its argv, environment, umask, ignored signals, cwd and stdin/stdout/stderr (as file
descriptors) to the server of its key, starting that server first if none answers, and exits
as the command did (same exit code, or killed by the same signal).  Signals it receives
(SIGINT, SIGTERM, ...) are passed on to the command.  It runs the real executable instead
(exec, same argv and environment) when stdin is a terminal (interactive use, password
prompts: the forked command has no controlling terminal), when the server refuses the
request (the environment differs in a variable read while importing) or cannot be started.

The key, hence the socket $OSC_RS_CACHE/oracle/<hash>.sock, covers: the identity of the
venv's site-packages, pyvenv.cfg, the real `openstack` script and server.py (so a changed
venv or oracle gets a new server; the old one notices and exits), and the variables that
shape an interpreter's start-up (LANG, LC_*, LANGUAGE, PYTHON*, TZ, HOME), which the server
is started with.  See docs/testbed.md.
"""

import os
import socket
import struct
import sys

# Variables that shape how python starts (locale, stdio encoding, ...) or that modules read
# when imported: a server is started with exactly these, and serves only their values.
START_VARS = (b"LANG", b"LANGUAGE", b"TZ", b"HOME")
START_PREFIXES = (b"LC_", b"PYTHON", b"XDG_")
FORWARDED = ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM",
             "SIGWINCH")


def stamp(paths):
    """What changes when the venv (or the oracle) changes: the watched files' identities.
    The same function as the server's, which checks it to notice a stale venv."""
    parts = []
    for p in paths:
        try:
            st = os.stat(p)
            parts.append(f"{p}:{st.st_ino}:{st.st_mtime_ns}:{st.st_size}")
        except OSError:
            parts.append(f"{p}:-")
    return ";".join(parts)


def exec_real(real):
    try:
        os.execv(real, [real] + sys.argv[1:])
    except OSError as e:
        sys.stderr.write(f"openstack (oracle): cannot run {real}: {e}\n")
        os._exit(127)


def note(logfile, msg):
    try:
        with open(logfile, "a") as f:
            f.write(f"client[{os.getpid()}]: {msg}\n")
    except OSError:
        pass


def connect(path):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.connect(path)
        return s
    except OSError:
        s.close()
        return None


def start_server(sock_path, python, server, real, key, idle, watched, env):
    import fcntl
    import subprocess
    import time
    base = sock_path[:-len(".sock")]
    with open(base + ".lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one start at a time; the others wait for it
        conn = connect(sock_path)
        if conn:
            return conn
        with open(base + ".log", "ab") as log:
            p = subprocess.Popen([python, server, sock_path, real, key, str(idle)] + watched,
                                 env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                 cwd="/", start_new_session=True, close_fds=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            conn = connect(sock_path)
            if conn:
                return conn
            if p.poll() is not None:
                break
            time.sleep(0.02)
        note(base + ".log", f"the server did not start (exit {p.poll()})")
        return None


def main(real, server, cache):
    if sys.__stdin__ is not None and os.isatty(0):
        exec_real(real)
    with open(real, "rb") as f:
        python = f.readline()[2:].strip().decode()
    bindir = os.path.dirname(os.path.realpath(real))
    venv = os.path.dirname(bindir)
    site = os.path.join(venv, "lib", "python%d.%d" % sys.version_info[:2], "site-packages")
    watched = [os.path.join(venv, "pyvenv.cfg"), site, real, server]
    start_env = {k: v for k, v in os.environb.items()
                 if k in START_VARS or k.startswith(START_PREFIXES)}
    import hashlib
    key = stamp(watched) + "|" + repr(sorted(start_env.items()))
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:20]
    rundir = os.path.join(cache, "oracle")
    sock_path = os.path.join(rundir, digest + ".sock")
    idle = os.environ.get("OSC_ORACLE_IDLE", "600")
    conn = connect(sock_path)
    if conn is None:
        os.makedirs(rundir, mode=0o700, exist_ok=True)
        conn = start_server(sock_path, python, server, real, key, idle, watched, start_env)
        if conn is None:
            exec_real(real)

    import signal
    fds = [os.open(".", os.O_PATH | os.O_DIRECTORY)]
    flags = ""
    # Python made sys.__stdout__ None if fd 1 was not open when it started (since then an
    # open() may have reused the number).
    for fd, stream in enumerate((sys.__stdin__, sys.__stdout__, sys.__stderr__)):
        if stream is None:
            flags += "0"
        else:
            fds.append(fd)
            flags += "1"
    ignored = [int(s) for s in signal.valid_signals()
               if s not in (signal.SIGPIPE, signal.SIGXFSZ, signal.SIGKILL, signal.SIGSTOP)
               and signal.getsignal(s) == signal.SIG_IGN]
    umask = os.umask(0o22)
    os.umask(umask)
    env = [k + b"=" + v for k, v in os.environb.items()]
    fields = [b"OSC1", key.encode("utf-8", "surrogateescape"), os.fsencode(sys.argv[0]),
              str(len(sys.argv) - 1).encode()] + [os.fsencode(a) for a in sys.argv[1:]]
    fields += [str(len(env)).encode()] + env
    fields += [b"%o" % umask, ",".join(map(str, ignored)).encode(), flags.encode()]
    payload = b"\0".join(fields)
    msg = struct.pack("!I", len(payload)) + payload
    try:
        conn.sendmsg([msg], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, struct.pack(f"{len(fds)}i",
                                                                              *fds))])
        answer = recv5(conn)
    except OSError:
        answer = None
    if answer is None or answer[0] == "F":
        exec_real(real)

    def forward(sig, _frame):
        try:
            conn.sendall(b"G" + struct.pack("!i", sig))
        except OSError:
            pass

    for name in FORWARDED:
        sig = getattr(signal, name)
        if signal.getsignal(sig) != signal.SIG_IGN:
            signal.signal(sig, forward)
    try:
        answer = recv5(conn)
    except OSError:
        answer = None
    if answer is None:
        sys.stderr.write("openstack (oracle): lost the server; see "
                         f"{sock_path[:-len('.sock')]}.log\n")
        os._exit(125)
    tag, n = answer
    if tag == "K":
        signal.signal(n, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, [n])
        os.kill(os.getpid(), n)
        os._exit(128 + n)
    os._exit(n)


def recv5(conn):
    data = b""
    while len(data) < 5:
        chunk = conn.recv(5 - len(data))
        if not chunk:
            return None
        data += chunk
    return data[:1].decode(), struct.unpack("!i", data[1:])[0]


def write_executable(path, real, server, cache):
    """Writes the client as the executable `path` (for compat's PATH, or OSC_ORACLE)."""
    with open(real, "rb") as f:
        python = f.readline()[2:].strip().decode()
    with open(__file__, encoding="utf-8") as f:
        source = f.read()
    text = (f"#!{python} -IS\n# Generated from {os.path.abspath(__file__)}: the OSC oracle's "
            f"client (see docs/testbed.md).\n{source}\n\nmain({real!r}, {server!r}, {cache!r})\n")
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.chmod(tmp, 0o755)
    os.replace(tmp, path)
