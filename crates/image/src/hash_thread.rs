//! A digest computed on a thread of its own while the download goes on: SHA-512 of a 1 GiB image costs about as
//! much CPU as receiving it, so on the I/O thread it halved `image save`'s throughput; on a second thread the two
//! overlap. The bytes travel in a few recycled buffers over a bounded channel, so memory stays flat whatever the
//! size, and the I/O thread waits (back-pressure) only when the digest falls behind.

use std::sync::mpsc::{self, Receiver, SyncSender};
use std::thread::JoinHandle;

use crate::hash::Hasher;

/// Bytes gathered before they are handed to the thread (the download writes 8 KiB at a time: handing each piece
/// over would cost more in synchronisation than the digest gains).
const BATCH: usize = 256 * 1024;

/// Batches in flight at most (queued or being digested): the memory bound is `(DEPTH + 2) * BATCH`.
const DEPTH: usize = 4;

/// A running digest, fed from one thread and computed on another (or inline when no thread could be started).
pub struct HashThread {
    inner: Inner,
}

enum Inner {
    Inline(Hasher),
    Thread {
        /// The batch being filled.
        batch: Vec<u8>,
        /// Full batches to the digest thread.
        full: SyncSender<Vec<u8>>,
        /// Digested batches coming back, to be filled again.
        empty: Receiver<Vec<u8>>,
        /// Buffers made so far (at most `DEPTH + 1`; more are never needed, since the channel holds `DEPTH`).
        made: usize,
        worker: JoinHandle<Option<Hasher>>,
    },
}

impl HashThread {
    /// Starts the digest's thread; when the system refuses one, the digest is computed inline.
    pub fn spawn(hasher: Hasher) -> HashThread {
        // The hasher goes over once the thread runs, so that a refused thread leaves it here for inline use.
        let (give, take) = mpsc::channel::<Hasher>();
        let (full, batches) = mpsc::sync_channel::<Vec<u8>>(DEPTH);
        let (recycle, empty) = mpsc::channel::<Vec<u8>>();
        let started = std::thread::Builder::new()
            .name("image-digest".to_owned())
            .spawn(move || {
                let mut hasher = take.recv().ok()?;
                // Ends when the sender is dropped (finish, or the download's failure).
                for mut batch in batches {
                    hasher.update(&batch);
                    batch.clear();
                    // The feeding side may be gone already (a failed download): the buffer is then dropped.
                    let _ = recycle.send(batch);
                }
                Some(hasher)
            });
        let inner = match started {
            Ok(worker) => match give.send(hasher) {
                Ok(()) => Inner::Thread {
                    batch: Vec::with_capacity(BATCH),
                    full,
                    empty,
                    made: 1,
                    worker,
                },
                // The thread ended before it took the hasher (it cannot: it waits for it); inline then.
                Err(mpsc::SendError(hasher)) => Inner::Inline(hasher),
            },
            Err(_) => Inner::Inline(hasher),
        };
        HashThread { inner }
    }

    /// Feeds bytes (copied: the caller's buffer is reused at once).
    pub fn update(&mut self, mut data: &[u8]) {
        match &mut self.inner {
            Inner::Inline(hasher) => hasher.update(data),
            Inner::Thread {
                batch,
                full,
                empty,
                made,
                ..
            } => {
                while !data.is_empty() {
                    let take = (BATCH - batch.len()).min(data.len());
                    batch.extend_from_slice(&data[..take]);
                    data = &data[take..];
                    if batch.len() == BATCH {
                        let next = match empty.try_recv() {
                            Ok(buffer) => buffer,
                            Err(_) if *made <= DEPTH => {
                                *made += 1;
                                Vec::with_capacity(BATCH)
                            }
                            // All buffers are in flight: wait for one to come back (back-pressure). If the thread
                            // is gone, a new buffer keeps the download going; `hexdigest` reports the loss.
                            Err(_) => empty.recv().unwrap_or_else(|_| Vec::with_capacity(BATCH)),
                        };
                        let ready = std::mem::replace(batch, next);
                        // A send fails only when the thread is gone, which `hexdigest` reports.
                        let _ = full.send(ready);
                    }
                }
            }
        }
    }

    /// Waits for the thread and gives the lowercase hex digest (empty if the thread was lost, which matches no
    /// expected digest: a download is never passed unchecked).
    pub fn hexdigest(self) -> String {
        match self.inner {
            Inner::Inline(hasher) => hasher.hexdigest(),
            Inner::Thread {
                batch,
                full,
                worker,
                ..
            } => {
                if !batch.is_empty() {
                    let _ = full.send(batch);
                }
                drop(full);
                match worker.join() {
                    Ok(Some(hasher)) => hasher.hexdigest(),
                    _ => String::new(),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn threaded(algo: &str, pieces: &[&[u8]]) -> String {
        let mut hasher = HashThread::spawn(Hasher::new(algo).expect("a known algorithm"));
        for piece in pieces {
            hasher.update(piece);
        }
        hasher.hexdigest()
    }

    fn inline(algo: &str, data: &[u8]) -> String {
        let mut hasher = Hasher::new(algo).expect("a known algorithm");
        hasher.update(data);
        hasher.hexdigest()
    }

    #[test]
    fn same_digest_as_inline_across_batches() {
        // 2.5 MiB in uneven pieces: many batches, a partial last one, and more than DEPTH buffers in flight.
        let data: Vec<u8> = (0..(5 << 19))
            .map(|i: u32| (i * 7 + i / 251) as u8)
            .collect();
        let pieces: Vec<&[u8]> = data.chunks(8191).collect();
        for algo in ["sha512", "md5", "sha256"] {
            assert_eq!(threaded(algo, &pieces), inline(algo, &data), "{algo}");
        }
    }

    #[test]
    fn empty_and_small_inputs() {
        assert_eq!(threaded("md5", &[]), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(
            threaded("md5", &[b"a", b"bc"]),
            "900150983cd24fb0d6963f7d28e17f72"
        );
        assert_eq!(threaded("sha512", &[b"abc"]), inline("sha512", b"abc"),);
    }
}
