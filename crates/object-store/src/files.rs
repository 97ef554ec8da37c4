//! The local side of object data: the file `object create` uploads, the file (or stdout) `object save` writes,
//! failures worded as Python's `OSError` (`[Errno 2] No such file or directory: 'x'`), and Ctrl-C (exit 130, as
//! cliff returns on `KeyboardInterrupt`) that leaves no partial file behind.

use std::ffi::CString;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::mem::ManuallyDrop;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::io::FromRawFd;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicPtr, Ordering};

use cliff::Value;
use osc_lib::utils::py_repr;

use openstack_sdk::transfer::Source;
use openstack_sdk::{Failure, Res};

/// `str()` of the `OSError` Python raises for `err`: `[Errno N] <strerror>`, then `: '<filename>'` when the call
/// named a file (`open`, `makedirs`; a failed `write` names none).
pub fn os_error(err: &std::io::Error, filename: Option<&Path>) -> String {
    let Some(errno) = err.raw_os_error() else {
        return err.to_string();
    };
    let text = err.to_string();
    let strerror = text
        .strip_suffix(&format!(" (os error {errno})"))
        .unwrap_or(&text);
    match filename {
        Some(name) => format!(
            "[Errno {errno}] {strerror}: {}",
            py_repr(&Value::str(name.to_string_lossy()))
        ),
        None => format!("[Errno {errno}] {strerror}"),
    }
}

/// `open(path, 'rb')` for an upload: a missing, unreadable or directory path fails as Python's `open` fails. A
/// regular file of known, non-zero size is sent with `Content-Length`; anything else (an empty file, a pipe such
/// as `/dev/stdin`) chunked, as `requests` sends a file whose length it reads as 0.
pub fn open_upload(path: &Path) -> Res<Source> {
    let fail = |err: std::io::Error| Failure::command(os_error(&err, Some(path)));
    let file = File::open(path).map_err(fail)?;
    let meta = file.metadata().map_err(fail)?;
    if meta.is_dir() {
        return Err(fail(std::io::Error::from_raw_os_error(libc::EISDIR)));
    }
    let length = (meta.is_file() && meta.len() > 0).then_some(meta.len());
    Ok(Source::Reader(Box::new(file), length))
}

/// The path a Ctrl-C removes (a leaked C string), or null.
static PARTIAL: AtomicPtr<libc::c_char> = AtomicPtr::new(std::ptr::null_mut());

extern "C" fn on_interrupt(_signal: libc::c_int) {
    let path = PARTIAL.load(Ordering::SeqCst);
    // SAFETY: unlink and _exit are async-signal-safe; `path` is null or a C string leaked by `Interrupts::remove`
    // and never freed.
    unsafe {
        if !path.is_null() {
            libc::unlink(path);
        }
        libc::_exit(130);
    }
}

/// Ctrl-C during a transfer: exit 130 at once (Python's `KeyboardInterrupt`, which cliff turns into 130), first
/// removing the file being saved. When SIGINT was ignored (a background job), it stays ignored, as Python leaves it.
/// SIGXFSZ is ignored too, as Python ignores it.
pub struct Interrupts;

impl Interrupts {
    /// Installs the handler for the rest of the command.
    pub fn catch() -> Interrupts {
        let handler = on_interrupt as extern "C" fn(libc::c_int) as libc::sighandler_t;
        // SAFETY: installs a handler that only makes async-signal-safe calls.
        unsafe {
            if libc::signal(libc::SIGINT, handler) == libc::SIG_IGN {
                libc::signal(libc::SIGINT, libc::SIG_IGN);
            }
            // Python ignores SIGXFSZ: a write past the file size limit fails (EFBIG) instead of killing us.
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        }
        Interrupts
    }

    /// From now on a Ctrl-C also removes `path`.
    pub fn remove(&self, path: &Path) {
        if let Ok(path) = CString::new(path.as_os_str().as_bytes()) {
            PARTIAL.store(path.into_raw(), Ordering::SeqCst);
        }
    }

    /// A Ctrl-C removes nothing any more (the file is complete, or gone).
    pub fn keep(&self) {
        PARTIAL.store(std::ptr::null_mut(), Ordering::SeqCst);
    }
}

impl Drop for Interrupts {
    fn drop(&mut self) {
        self.keep();
    }
}

/// File descriptor 1, written without Rust's line-buffered `Stdout` (binary data has newlines everywhere).
pub struct RawStdout(ManuallyDrop<File>);

impl Write for RawStdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        (&*self.0).write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        (&*self.0).flush()
    }
}

/// Standard output as a byte stream for `--file -`, with a buffer of our own.
pub fn stdout() -> BufWriter<RawStdout> {
    // SAFETY: fd 1 stays open for the life of the process; ManuallyDrop never closes it.
    let file = ManuallyDrop::new(unsafe { File::from_raw_fd(1) });
    BufWriter::with_capacity(256 * 1024, RawStdout(file))
}

/// The file `object save` writes: created (with its missing parent directories, as `os.makedirs`) only when the
/// first bytes arrive or the download ends well, so that a failed request leaves no file; removed again if the
/// download fails (a regular file only: `/dev/null` or a FIFO stays).
pub struct SaveFile<'i> {
    path: PathBuf,
    file: Option<BufWriter<File>>,
    regular: bool,
    /// What went wrong on our side, in Python's words (the download's error is then ours, not the network's).
    pub error: Option<String>,
    /// Bytes written.
    pub written: u64,
    interrupts: &'i Interrupts,
}

impl<'i> SaveFile<'i> {
    /// A file to be written at `path`.
    pub fn new(path: &Path, interrupts: &'i Interrupts) -> SaveFile<'i> {
        SaveFile {
            path: path.to_owned(),
            file: None,
            regular: false,
            error: None,
            written: 0,
            interrupts,
        }
    }

    /// `os.makedirs(dirname)` when it does not exist, then `open(path, 'wb')`.
    pub fn open(&mut self) -> std::io::Result<()> {
        if self.file.is_some() {
            return Ok(());
        }
        if let Some(parent) = self.path.parent().filter(|p| !p.as_os_str().is_empty()) {
            if !parent.exists() {
                std::fs::create_dir_all(parent).inspect_err(|err| {
                    self.error = Some(os_error(err, Some(parent)));
                })?;
            }
        }
        let existed_special = std::fs::metadata(&self.path).is_ok_and(|m| !m.is_file());
        let file = File::create(&self.path).inspect_err(|err| {
            self.error = Some(os_error(err, Some(&self.path)));
        })?;
        self.regular = !existed_special;
        if self.regular {
            self.interrupts.remove(&self.path);
        }
        self.file = Some(BufWriter::with_capacity(256 * 1024, file));
        Ok(())
    }

    /// The download ended well: the file exists (even for an empty object) and holds every byte.
    pub fn finish(&mut self) -> Res<()> {
        let result = self.open().and_then(|()| match self.file.as_mut() {
            Some(file) => file.flush(),
            None => Ok(()),
        });
        if let Err(err) = result {
            let message = self.error.take().unwrap_or_else(|| os_error(&err, None));
            self.discard();
            return Err(Failure::command(message));
        }
        self.interrupts.keep();
        Ok(())
    }

    /// The download failed: remove what was written.
    pub fn discard(&mut self) {
        if self.file.take().is_some() && self.regular {
            let _ = std::fs::remove_file(&self.path);
        }
        self.interrupts.keep();
    }
}

impl Write for SaveFile<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.open()?;
        let Some(file) = self.file.as_mut() else {
            return Err(std::io::ErrorKind::NotFound.into());
        };
        let n = file.write(buf).inspect_err(|err| {
            self.error = Some(os_error(err, None));
        })?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.file.as_mut() {
            Some(file) => file.flush().inspect_err(|err| {
                self.error = Some(os_error(err, None));
            }),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_read_as_python() {
        let err = std::io::Error::from_raw_os_error(2);
        assert_eq!(
            os_error(&err, Some(Path::new("no/file"))),
            "[Errno 2] No such file or directory: 'no/file'"
        );
        let err = std::io::Error::from_raw_os_error(28);
        assert_eq!(os_error(&err, None), "[Errno 28] No space left on device");
        let err = std::io::Error::from_raw_os_error(21);
        assert_eq!(
            os_error(&err, Some(Path::new("it's"))),
            "[Errno 21] Is a directory: \"it's\""
        );
    }

    #[test]
    fn uploads_fail_as_open_fails() {
        let dir = std::env::temp_dir();
        let err = open_upload(&dir).err().unwrap();
        assert_eq!(
            err.to_string(),
            format!("[Errno 21] Is a directory: '{}'", dir.display())
        );
        let missing = dir.join(format!("object-store-missing-{}", std::process::id()));
        let err = open_upload(&missing).err().unwrap();
        assert_eq!(
            err.to_string(),
            format!(
                "[Errno 2] No such file or directory: '{}'",
                missing.display()
            )
        );
        let empty = dir.join(format!("object-store-empty-{}", std::process::id()));
        std::fs::write(&empty, b"").unwrap();
        assert_eq!(open_upload(&empty).unwrap().length(), None);
        std::fs::write(&empty, b"abc").unwrap();
        assert_eq!(open_upload(&empty).unwrap().length(), Some(3));
        std::fs::remove_file(&empty).unwrap();
    }

    #[test]
    fn saved_files_appear_only_when_complete() {
        let interrupts = Interrupts;
        let dir = std::env::temp_dir().join(format!("object-store-save-{}", std::process::id()));
        let path = dir.join("a/b.txt");
        // A failed download before any byte: no file, no directory.
        let mut file = SaveFile::new(&path, &interrupts);
        file.discard();
        assert!(!dir.exists());
        // Bytes, then a failure: the partial file is removed.
        let mut file = SaveFile::new(&path, &interrupts);
        file.write_all(b"partial").unwrap();
        file.discard();
        assert!(!path.exists());
        // An empty object still makes a file.
        let mut file = SaveFile::new(&path, &interrupts);
        file.finish().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"");
        // Disk full: /dev/full takes no byte; it is reported as Python reports it and is not removed.
        let mut full = SaveFile::new(Path::new("/dev/full"), &interrupts);
        full.write_all(b"x").unwrap();
        let err = full.finish().err().unwrap();
        assert_eq!(err.to_string(), "[Errno 28] No space left on device");
        assert!(Path::new("/dev/full").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
