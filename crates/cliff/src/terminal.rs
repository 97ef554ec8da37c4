//! What the framework needs to know about the terminal: is stdout one, and how wide is it.

use std::io::IsTerminal;

/// Whether standard output is a terminal.
pub fn stdout_is_tty() -> bool {
    std::io::stdout().is_terminal()
}

/// Whether standard output was open when the process started: `>&-` closes it (Python then has
/// `sys.stdout = None`). Rust's runtime reopens a closed standard descriptor on `/dev/null` before `main`, so the
/// output would be silently lost with exit 0; the check runs earlier, as an `.init_array` constructor.
pub fn stdout_is_open() -> bool {
    #[cfg(target_os = "linux")]
    {
        // Referenced here so that the linker keeps the constructor (`#[used]` alone did not survive a release
        // build: its `.init_array` entry was dropped).
        std::hint::black_box(&closed_stdout::RECORD);
        !closed_stdout::AT_START.load(std::sync::atomic::Ordering::Relaxed)
    }
    #[cfg(not(target_os = "linux"))]
    {
        true
    }
}

#[cfg(target_os = "linux")]
mod closed_stdout {
    use std::sync::atomic::{AtomicBool, Ordering};

    /// Set by [`record`] when descriptor 1 was closed at start-up.
    pub static AT_START: AtomicBool = AtomicBool::new(false);

    extern "C" {
        fn fcntl(fd: i32, cmd: i32, ...) -> i32;
    }

    /// Runs from `.init_array`, before Rust's runtime replaces closed standard descriptors.
    extern "C" fn record() {
        const F_GETFD: i32 = 1;
        // SAFETY: F_GETFD only reads the descriptor's flags; on a closed descriptor it fails with EBADF.
        if unsafe { fcntl(1, F_GETFD) } == -1 {
            AT_START.store(true, Ordering::Relaxed);
        }
    }

    #[used]
    #[link_section = ".init_array"]
    pub static RECORD: extern "C" fn() = record;
}

/// Whether standard input is a terminal.
pub fn stdin_is_tty() -> bool {
    std::io::stdin().is_terminal()
}

/// The width of the terminal on stdout as `os.get_terminal_size()` reports it; `None` when stdout is not one.
pub fn stdout_width() -> Option<usize> {
    ioctl_width(1)
}

/// The width argparse formats help for: `$COLUMNS`, else the terminal's, else 80 (`shutil.get_terminal_size`).
pub fn help_columns() -> usize {
    if let Some(columns) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<usize>().ok())
    {
        if columns > 0 {
            return columns;
        }
    }
    match ioctl_width(1) {
        Some(width) if width > 0 => width,
        _ => 80,
    }
}

#[cfg(target_os = "linux")]
fn ioctl_width(fd: i32) -> Option<usize> {
    #[repr(C)]
    struct WinSize {
        rows: u16,
        cols: u16,
        x_pixels: u16,
        y_pixels: u16,
    }
    extern "C" {
        fn ioctl(fd: i32, request: u64, ...) -> i32;
    }
    const TIOCGWINSZ: u64 = 0x5413;
    let mut size = WinSize {
        rows: 0,
        cols: 0,
        x_pixels: 0,
        y_pixels: 0,
    };
    // SAFETY: TIOCGWINSZ writes one `struct winsize` (four u16) into the pointer we pass, which is valid and
    // exclusively borrowed for the call; on a non-terminal fd the call fails and leaves it untouched.
    let rc = unsafe { ioctl(fd, TIOCGWINSZ, &mut size as *mut WinSize) };
    (rc == 0 && size.cols > 0).then_some(size.cols as usize)
}

#[cfg(not(target_os = "linux"))]
fn ioctl_width(_fd: i32) -> Option<usize> {
    None
}
