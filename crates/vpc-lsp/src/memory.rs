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
/// [`IDLE`] after [`Trimmer::busy`] was last called. The thread ends on [`Trimmer::stop`].
#[derive(Clone)]
pub struct Trimmer {
    shared: Arc<(Mutex<State>, Condvar)>,
}

#[derive(Default)]
struct State {
    /// When memory was last allocated or freed in bulk, if not returned since.
    busy_since: Option<Instant>,
    stopped: bool,
    /// How many times memory was returned (for tests).
    releases: u64,
}

impl Trimmer {
    pub fn start() -> Trimmer {
        Trimmer::start_with(IDLE)
    }

    fn start_with(idle: Duration) -> Trimmer {
        let trimmer = Trimmer { shared: Arc::new((Mutex::new(State::default()), Condvar::new())) };
        let shared = trimmer.shared.clone();
        let spawned = std::thread::Builder::new().name("vpc-memory".to_string()).spawn(move || {
            let (state, wake) = &*shared;
            let mut s = state.lock().unwrap_or_else(|p| p.into_inner());
            while !s.stopped {
                match s.busy_since {
                    None => s = wake.wait(s).unwrap_or_else(|p| p.into_inner()),
                    Some(at) if at.elapsed() >= idle => {
                        s.busy_since = None;
                        s.releases += 1;
                        drop(s);
                        release();
                        s = state.lock().unwrap_or_else(|p| p.into_inner());
                    }
                    Some(at) => {
                        let wait = idle.saturating_sub(at.elapsed());
                        s = wake.wait_timeout(s, wait).unwrap_or_else(|p| p.into_inner()).0;
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
        self.update(|s| s.busy_since = Some(Instant::now()));
    }

    /// End the thread (what is still unreturned stays with the allocator).
    pub fn stop(&self) {
        self.update(|s| s.stopped = true);
    }

    fn update(&self, f: impl FnOnce(&mut State)) {
        let (state, wake) = &*self.shared;
        f(&mut state.lock().unwrap_or_else(|p| p.into_inner()));
        wake.notify_one();
    }

    #[cfg(test)]
    fn releases(&self) -> u64 {
        self.shared.0.lock().unwrap_or_else(|p| p.into_inner()).releases
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_is_returned_once_after_a_pause_not_while_busy() {
        // Generous margins: the test must hold on a loaded CI machine.
        let idle = Duration::from_millis(300);
        let trimmer = Trimmer::start_with(idle);
        std::thread::sleep(idle * 2);
        assert_eq!(trimmer.releases(), 0, "nothing to return before anything happened");
        // A burst of work: nothing is returned while it lasts.
        for _ in 0..20 {
            trimmer.busy();
            std::thread::sleep(idle / 30);
        }
        assert_eq!(trimmer.releases(), 0);
        std::thread::sleep(idle * 4);
        assert_eq!(trimmer.releases(), 1, "returned once after the pause");
        std::thread::sleep(idle * 2);
        assert_eq!(trimmer.releases(), 1, "and not again without new work");
        trimmer.stop();
        trimmer.busy();
        std::thread::sleep(idle * 2);
        assert_eq!(trimmer.releases(), 1, "the thread ended");
    }
}
