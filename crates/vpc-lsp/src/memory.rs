//! Handing freed memory back to the system, when the user pauses.
//!
//! An analysis of a large document allocates tens of megabytes, part of it only
//! while parsing, and every keystroke replaces it with a new one. glibc's allocator
//! keeps what was freed for reuse, so without help the server's resident size grows
//! to a few analyses' worth. Returning it after every analysis is costly, though:
//! the next analysis touches fresh pages again, and page faults made keystrokes
//! ~25 ms slower on a 1 MB document. So memory is kept while the user types and
//! given back once nothing was analysed or dropped for [`IDLE`] ([`Trimmer`]).

use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// How long the server must be quiet before it returns free memory.
pub const IDLE: Duration = Duration::from_millis(1000);

/// Tune the allocator for a long-running server, before its threads start: threads
/// share two arenas instead of one each, so that memory freed by one thread serves
/// the next analysis on another (one arena made the parser's threads wait for each
/// other); blocks over 4 MB (the token array of a multi-megabyte document) are
/// mapped on their own and unmapped when freed.
pub fn configure() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets allocator parameters; called before other threads exist.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 4 << 20);
    }
}

/// Give the allocator's free pages back to the system (glibc only; elsewhere nothing).
pub fn release() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only inspects the allocator's own free lists.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Calls [`release`] on a thread of its own once the server has been quiet for
/// [`IDLE`] after [`Trimmer::busy`] was last called.
#[derive(Clone)]
pub struct Trimmer {
    state: Arc<(Mutex<Option<Instant>>, Condvar)>,
}

impl Trimmer {
    pub fn start() -> Trimmer {
        let trimmer = Trimmer { state: Arc::new((Mutex::new(None), Condvar::new())) };
        let state = trimmer.state.clone();
        let spawned = std::thread::Builder::new().name("vpc-memory".to_string()).spawn(move || {
            let (last_busy, wake) = &*state;
            let mut last = last_busy.lock().unwrap_or_else(|p| p.into_inner());
            loop {
                match *last {
                    None => last = wake.wait(last).unwrap_or_else(|p| p.into_inner()),
                    Some(at) if at.elapsed() >= IDLE => {
                        *last = None;
                        drop(last);
                        release();
                        last = last_busy.lock().unwrap_or_else(|p| p.into_inner());
                    }
                    Some(at) => {
                        let wait = IDLE.saturating_sub(at.elapsed());
                        last = wake.wait_timeout(last, wait).unwrap_or_else(|p| p.into_inner()).0;
                    }
                }
            }
        });
        if let Err(e) = spawned {
            eprintln!("vpc lsp: cannot start the memory thread: {e}");
        }
        trimmer
    }

    /// Memory was just allocated or freed in bulk: return it after the next pause.
    pub fn busy(&self) {
        let (last_busy, wake) = &*self.state;
        *last_busy.lock().unwrap_or_else(|p| p.into_inner()) = Some(Instant::now());
        wake.notify_one();
    }
}
