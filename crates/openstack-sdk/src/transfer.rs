//! Streaming bodies: an image or object uploaded from a file or stdin, and downloaded to a file or stdout, in
//! constant memory (osc-lib's [`osc_lib::http::Upload`] and streamed answers), with OSC's `--progress` bar.

use std::fs::File;
use std::io::{IsTerminal, Read, Write};
use std::path::Path;

use osc_lib::http::Upload;
use osc_lib::{ApiResponse, ClientManager};

use crate::call::Call;
use crate::failure::{Failure, Res};

/// Where an upload's bytes come from.
pub enum Source {
    /// A file, whose length is known: sent with `Content-Length`.
    File(File, u64),
    /// Standard input, of unknown length: sent chunked.
    Stdin(std::io::Stdin),
    /// Any other reader (a pipe, bytes generated as they are read), with its length when it is known: sent with
    /// `Content-Length` when it is, chunked when not.
    Reader(Box<dyn Read>, Option<u64>),
}

impl Source {
    /// The file at `path`, or stdin when `path` is `None` or `-`.
    pub fn open(path: Option<&Path>) -> Res<Source> {
        match path {
            None => Ok(Source::Stdin(std::io::stdin())),
            Some(path) if path == Path::new("-") => Ok(Source::Stdin(std::io::stdin())),
            Some(path) => {
                let file = File::open(path).map_err(|err| {
                    Failure::command(format!("Error opening file {}: {err}", path.display()))
                })?;
                let length = file.metadata().map(|m| m.len()).map_err(|err| {
                    Failure::command(format!("Error opening file {}: {err}", path.display()))
                })?;
                Ok(Source::File(file, length))
            }
        }
    }

    /// The length, when known.
    pub fn length(&self) -> Option<u64> {
        match self {
            Source::File(_, length) => Some(*length),
            Source::Stdin(_) => None,
            Source::Reader(_, length) => *length,
        }
    }

    fn reader(&mut self) -> &mut dyn Read {
        match self {
            Source::File(file, _) => file,
            Source::Stdin(stdin) => stdin,
            Source::Reader(reader, _) => reader,
        }
    }
}

/// Sends `call` with the body read from `source` as it goes.
pub fn upload(
    cm: &mut ClientManager,
    call: &Call,
    source: &mut Source,
    content_type: &str,
    progress: Option<&mut dyn FnMut(u64)>,
) -> Res<ApiResponse> {
    let length = source.length();
    let upload = Upload {
        reader: source.reader(),
        length,
        content_type: content_type.to_owned(),
    };
    call.send_streaming(cm, Some(upload), None, progress)
}

/// Sends `call` and writes the answer's body into `sink` as it arrives (the returned response has no body).
pub fn download(
    cm: &mut ClientManager,
    call: &Call,
    sink: &mut dyn Write,
    progress: Option<&mut dyn FnMut(u64)>,
) -> Res<ApiResponse> {
    call.send_streaming(cm, None, Some(sink), progress)
}

/// OSC's `--progress` bar (`openstackclient/common/progressbar.py`): `\r[=====>      ] 49%`, 30 columns,
/// redrawn as bytes move. It is drawn on stderr, and only when stderr is a terminal, so that piped or
/// redirected output never holds it.
pub struct ProgressBar {
    total: u64,
    out: Box<dyn Write>,
    shown: Option<String>,
}

impl ProgressBar {
    /// A bar on stderr for `total` bytes; `None` when stderr is not a terminal or the size is unknown or zero.
    pub fn on_stderr(total: Option<u64>) -> Option<ProgressBar> {
        let total = total.filter(|t| *t > 0)?;
        std::io::stderr()
            .is_terminal()
            .then(|| ProgressBar::new(total, Box::new(std::io::stderr())))
    }

    /// A bar drawn into `out`.
    pub fn new(total: u64, out: Box<dyn Write>) -> ProgressBar {
        ProgressBar {
            total,
            out,
            shown: None,
        }
    }

    /// The bar's text after `done` bytes.
    pub fn render(total: u64, done: u64) -> String {
        let fraction = if total == 0 {
            1.0
        } else {
            done as f64 / total as f64
        };
        let arrow = "=".repeat((fraction * 29.0).round() as usize) + ">";
        format!("\r[{arrow:<30}] {:.0}%", fraction * 100.0)
    }

    /// Redraws the bar after `done` bytes (only when its text changes, so a 1 GiB transfer writes ~100 times).
    pub fn update(&mut self, done: u64) {
        let text = ProgressBar::render(self.total, done);
        if self.shown.as_deref() != Some(text.as_str()) {
            // A failed write to the terminal only loses the bar, never the transfer.
            let _ = self.out.write_all(text.as_bytes());
            let _ = self.out.flush();
            self.shown = Some(text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0
                .lock()
                .map_err(|_| std::io::ErrorKind::Other)?
                .extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn bar_as_osc_draws_it() {
        assert_eq!(ProgressBar::render(100, 0), format!("\r[{:<30}] 0%", ">"));
        assert_eq!(
            ProgressBar::render(100, 49),
            format!("\r[{:<30}] 49%", "=".repeat(14) + ">")
        );
        assert_eq!(
            ProgressBar::render(100, 100),
            format!("\r[{}] 100%", "=".repeat(29) + ">")
        );
        let out = Shared::default();
        let mut bar = ProgressBar::new(1000, Box::new(out.clone()));
        for done in 0..=1000 {
            bar.update(done);
        }
        let text = String::from_utf8(out.0.lock().unwrap().clone()).unwrap();
        // Redrawn when the percentage or the arrow moves, not for each of the 1,001 updates.
        assert!(text.matches('\r').count() < 150);
        assert!(text.ends_with(&ProgressBar::render(1000, 1000)));
    }

    #[test]
    fn sources() {
        assert!(Source::open(None).unwrap().length().is_none());
        let mut reader = Source::Reader(Box::new(&b"abc"[..]), Some(3));
        assert_eq!(reader.length(), Some(3));
        let mut read = String::new();
        reader.reader().read_to_string(&mut read).unwrap();
        assert_eq!(read, "abc");
        let path = std::env::temp_dir().join(format!("sdk-source-{}", std::process::id()));
        std::fs::write(&path, b"12345").unwrap();
        assert_eq!(Source::open(Some(&path)).unwrap().length(), Some(5));
        std::fs::remove_file(&path).unwrap();
        let missing = Source::open(Some(Path::new("/nonexistent/x")))
            .err()
            .unwrap();
        assert!(missing
            .to_string()
            .starts_with("Error opening file /nonexistent/x: "));
    }
}
