//! Signals while a plugin runs a command: `openstack` and its plugin end together.
//!
//! Without care, Ctrl-C reaches both processes; `openstack` dies at once and the plugin, which may catch SIGINT to
//! clean up, is left behind; and a SIGTERM sent to `openstack` alone (a service manager, `timeout`) orphans the
//! plugin, which goes on running. While a plugin runs, [`Forwarding`] therefore catches SIGINT, SIGTERM and SIGHUP,
//! passes each on to the plugin (unless the terminal already sent it to the whole foreground group), and remembers
//! it. Once the plugin has ended, the caller exits as the signal asks: 130 for SIGINT (as OSC does on Ctrl-C),
//! and death by the same signal for the others ([`Forwarding::finish`]).
//!
//! What no handler can catch (SIGKILL of `openstack`) is covered on Linux by the plugin's parent-death signal, set
//! in the child before it runs the plugin ([`die_with_parent`]).

use std::sync::atomic::{AtomicI32, Ordering};

/// The plugin's pid while one runs, else 0.
static CHILD: AtomicI32 = AtomicI32::new(0);

/// The last signal caught while the plugin ran, else 0.
static RECEIVED: AtomicI32 = AtomicI32::new(0);

/// The signals passed on to a running plugin.
const FORWARDED: [libc::c_int; 3] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP];

/// The signal handler: remembers the signal and passes it on. Only async-signal-safe calls (atomics, `kill`).
extern "C" fn forward(
    signal: libc::c_int,
    info: *mut libc::siginfo_t,
    _context: *mut libc::c_void,
) {
    RECEIVED.store(signal, Ordering::SeqCst);
    // SAFETY: the kernel hands a valid siginfo to an SA_SIGINFO handler; a null pointer is checked anyway.
    let from_terminal = !info.is_null() && unsafe { (*info).si_code } == libc::SI_KERNEL;
    let child = CHILD.load(Ordering::SeqCst);
    if child > 0 && !from_terminal {
        // SAFETY: kill is async-signal-safe and has no memory-safety requirement.
        unsafe {
            libc::kill(child, signal);
        }
    }
}

/// Signal handling for the lifetime of one plugin run; dropping it restores the previous handlers.
pub(crate) struct Forwarding {
    previous: Vec<(libc::c_int, libc::sigaction)>,
}

impl Forwarding {
    /// Starts catching SIGINT, SIGTERM and SIGHUP; call before starting the plugin, so that no signal falls
    /// between its start and [`Forwarding::attach`] (the child's exec resets caught signals to their default).
    pub(crate) fn start() -> Self {
        RECEIVED.store(0, Ordering::SeqCst);
        CHILD.store(0, Ordering::SeqCst);
        let mut previous = Vec::new();
        for signal in FORWARDED {
            // SAFETY: sigaction structs are plain data, zeroed is a valid empty value; the handler has the
            // SA_SIGINFO signature and only makes async-signal-safe calls.
            unsafe {
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = forward as *const () as libc::sighandler_t;
                action.sa_flags = libc::SA_SIGINFO | libc::SA_RESTART;
                libc::sigemptyset(&mut action.sa_mask);
                let mut old: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(signal, &action, &mut old) == 0 {
                    previous.push((signal, old));
                }
            }
        }
        Forwarding { previous }
    }

    /// Passes signals on to `child` from now on, and the one caught since [`Forwarding::start`], if any.
    pub(crate) fn attach(&self, child: u32) {
        let pid = i32::try_from(child).unwrap_or(0);
        CHILD.store(pid, Ordering::SeqCst);
        if let (Some(signal), true) = (self.received(), pid > 0) {
            // SAFETY: kill has no memory-safety requirement.
            unsafe {
                libc::kill(pid, signal);
            }
        }
    }

    /// The signal caught since [`Forwarding::start`], if any.
    pub(crate) fn received(&self) -> Option<libc::c_int> {
        match RECEIVED.load(Ordering::SeqCst) {
            0 => None,
            signal => Some(signal),
        }
    }

    /// Call once the plugin has been reaped. Restores the handlers; then, if SIGTERM or SIGHUP arrived, raises it
    /// again so that `openstack` ends as it would have without a plugin (by that signal, under the default
    /// handler). Returns whether SIGINT arrived: the command was interrupted (exit 130).
    pub(crate) fn finish(mut self) -> bool {
        let received = self.received();
        self.restore();
        match received {
            Some(libc::SIGINT) => true,
            Some(signal) => {
                // SAFETY: raise has no memory-safety requirement; the previous handler (usually the default,
                // which ends the process) runs as if the signal had come now.
                unsafe {
                    libc::raise(signal);
                }
                false
            }
            None => false,
        }
    }

    fn restore(&mut self) {
        CHILD.store(0, Ordering::SeqCst);
        for (signal, old) in self.previous.drain(..) {
            // SAFETY: `old` is what sigaction reported for this signal.
            unsafe {
                libc::sigaction(signal, &old, std::ptr::null_mut());
            }
        }
    }
}

impl Drop for Forwarding {
    fn drop(&mut self) {
        self.restore();
    }
}

/// In the forked child, before exec: ask for SIGTERM when the parent dies (Linux), so that not even a SIGKILL of
/// `openstack` leaves the plugin running. `parent` is the pid of `openstack`, read before the fork: if it died
/// before this call, the child ends at once.
pub(crate) fn die_with_parent(parent: libc::pid_t) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: prctl(PR_SET_PDEATHSIG) and getppid are async-signal-safe syscalls without memory arguments.
        unsafe {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            if libc::getppid() != parent {
                libc::_exit(1);
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = parent;
    Ok(())
}
