//! Image data in and out: where `image create` and `image stage` read from (a file, or stdin when it is not a
//! terminal, as OSC's `get_data_from_stdin`), and `image save` streaming into a file or stdout while checking the
//! digest openstacksdk checks, leaving no partial file behind on failure.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};

use cliff::{Error, Result};
use openstack_sdk::transfer::{ProgressBar, Source};

use crate::common::os_error;
use crate::hash_thread::HashThread;

/// Image data to send.
pub struct Data {
    /// The bytes and their length when known.
    pub source: Source,
    /// Whether it came from `--file` (OSC shows `--progress` only then).
    pub from_file: bool,
}

/// `open(filename, 'rb')` as OSC does it: a missing file is "'<path>' is not a valid file", any other failure
/// Python's `OSError` text (a directory: `[Errno 21] Is a directory: '<path>'`).
pub fn open_file(path: &str) -> Result<Data> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            let repr = osc_lib::utils::py_repr(&cliff::Value::str(path));
            return Err(Error::command(format!("{repr} is not a valid file")));
        }
        Err(err) => return Err(Error::command(os_error(&err, path))),
    };
    let meta = file
        .metadata()
        .map_err(|err| Error::command(os_error(&err, path)))?;
    if meta.is_dir() {
        let err = std::io::Error::from_raw_os_error(libc::EISDIR);
        return Err(Error::command(os_error(&err, path)));
    }
    let length = meta.is_file().then_some(meta.len());
    Ok(Data {
        source: Source::Reader(Box::new(file), length),
        from_file: true,
    })
}

/// `get_data_from_stdin`: stdin when it is valid and not a terminal (a file's length is known, a pipe's not).
pub fn from_stdin() -> Option<Data> {
    // SAFETY: fstat only writes into the zeroed struct we own.
    let mut stat: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: fd 0 is only examined; an invalid descriptor makes fstat fail, which is the "no stdin" case.
    if unsafe { libc::fstat(0, &mut stat) } != 0 {
        return None;
    }
    // A closed stdin (`<&-`) cannot be told apart here: Rust's runtime reopens it as /dev/null (read-write, as
    // Python's `subprocess.DEVNULL` opens it) before `main`, so it reads as empty data where OSC sends none.
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return None;
    }
    // A regular file (`< image.qcow2`) has a length; a pipe or a device is sent chunked.
    let length = ((stat.st_mode & libc::S_IFMT) == libc::S_IFREG).then_some(stat.st_size as u64);
    Some(Data {
        source: Source::Reader(Box::new(stdin), length),
        from_file: false,
    })
}

/// OSC's `VerboseFileWrapper` bar: drawn on stdout, only when stdout is a terminal and the size is not zero,
/// ended by a newline once the data is read.
pub struct StdoutBar {
    bar: Option<ProgressBar>,
}

impl StdoutBar {
    /// A bar for `total` bytes (drawn only on a terminal).
    pub fn new(total: Option<u64>) -> StdoutBar {
        let bar = total
            .filter(|t| *t > 0 && std::io::stdout().is_terminal())
            .map(|t| ProgressBar::new(t, Box::new(std::io::stdout())));
        StdoutBar { bar }
    }

    /// Redraws after `done` bytes.
    pub fn update(&mut self, done: u64) {
        if let Some(bar) = &mut self.bar {
            bar.update(done);
        }
    }

    /// The newline after the bar.
    pub fn finish(&mut self) {
        if self.bar.is_some() {
            let mut out = std::io::stdout();
            // A lost newline on the terminal is only cosmetic.
            let _ = out.write_all(b"\n");
            let _ = out.flush();
        }
    }
}

/// Where `image save` writes: a file (removed again if the download fails) or stdout.
pub enum Sink {
    /// `--file`, written in 1 MiB pieces (the transfer hands over 8 KiB at a time).
    File(BufWriter<File>, String),
    /// Standard output.
    Stdout(std::io::Stdout),
}

impl Sink {
    /// Opens the destination (`open(output, 'wb')`).
    pub fn open(path: Option<&str>) -> Result<Sink> {
        match path {
            None => Ok(Sink::Stdout(std::io::stdout())),
            Some(path) => File::create(path)
                .map(|file| Sink::File(BufWriter::with_capacity(1 << 20, file), path.to_owned()))
                .map_err(|err| {
                    Error::command(format!(
                        "Unable to download image: {}",
                        os_error(&err, path)
                    ))
                }),
        }
    }

    /// Removes a partly written file (nothing for stdout).
    pub fn discard(self) {
        if let Sink::File(file, path) = self {
            drop(file);
            // Best effort: the download's own error is what the user must read.
            let _ = std::fs::remove_file(path);
        }
    }
}

/// A writer that digests what passes and remembers why a write failed (a closed pipe is exit 141).
pub struct Checked<'a> {
    /// Where the bytes go.
    pub sink: &'a mut Sink,
    /// The running digest, if any (on a thread of its own, overlapping the download).
    pub hasher: Option<HashThread>,
    /// The kind of the first write error (set when the sink, not the server, failed).
    pub failed: Option<std::io::ErrorKind>,
    /// Why the write failed, as Python would word it.
    pub reason: Option<String>,
}

impl Checked<'_> {
    /// Remembers the first write error (its kind and Python's words for it), and hands it back.
    fn record(&mut self, err: std::io::Error) -> std::io::Error {
        self.failed.get_or_insert(err.kind());
        if self.reason.is_none() {
            // Python's `OSError` from a write names no file: `[Errno 28] No space left on device`.
            let text = err.to_string();
            self.reason = Some(match err.raw_os_error() {
                Some(code) => {
                    let reason = text
                        .strip_suffix(&format!(" (os error {code})"))
                        .unwrap_or(&text);
                    format!("[Errno {code}] {reason}")
                }
                None => text,
            });
        }
        err
    }
}

impl Write for Checked<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let result = match self.sink {
            Sink::File(file, _) => file.write(buf),
            Sink::Stdout(out) => out.write(buf),
        };
        match result {
            Ok(n) => {
                if let Some(hasher) = &mut self.hasher {
                    hasher.update(&buf[..n]);
                }
                Ok(n)
            }
            Err(err) => Err(self.record(err)),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let result = match self.sink {
            Sink::File(file, _) => file.flush(),
            Sink::Stdout(out) => out.flush(),
        };
        result.map_err(|err| self.record(err))
    }
}

/// The error for a failed write into the sink. openstacksdk catches it with the download's other failures, so even
/// a closed stdout (`| head`) is "Unable to download image: [Errno 32] Broken pipe" and exit 1, as with OSC.
pub fn write_error(reason: &str) -> Error {
    Error::command(format!("Unable to download image: {reason}"))
}
