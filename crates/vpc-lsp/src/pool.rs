//! Where work runs off the message loop, with panics caught.
//!
//! Analyses and features run on threads of their own ([`Pool`]), not on tokio's
//! blocking pool: that one also serves stdin/stdout, and spreading large
//! allocations over many threads makes the allocator keep much more memory (each
//! thread's heap holds on to what it freed). File IO uses [`blocking`].
//!
//! Work is queued by *lane*, one lane per document: the jobs of a lane run one at
//! a time in the order given; lanes run side by side on up to `max_threads`
//! threads, started when needed. So a document whose analysis takes long holds up
//! its own requests only. Typing in one document keeps using one thread (and one
//! allocator arena): a thread stays on its lane while the lane has work, and new
//! work goes to the thread that went idle last, so that threads started for other
//! documents stay idle and end after [`IDLE_THREAD_LIFETIME`]. A job whose caller
//! has stopped waiting (a cancelled request, a diagnostics run made stale by the
//! next change) is skipped when its turn comes; an analysis that has started runs
//! to its end.

use std::collections::{HashMap, HashSet, VecDeque};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::Thread;
use std::time::{Duration, Instant};

type Job = Box<dyn FnOnce() + Send>;

/// The name of a queue of jobs that run in order (a document's URI).
pub type Lane = Arc<str>;

/// A thread beyond the first that found no work for this long ends.
pub const IDLE_THREAD_LIFETIME: Duration = Duration::from_secs(10);

/// Threads that run jobs by lane (see the module docs).
pub struct Pool {
    shared: Arc<Shared>,
    graveyard: Arc<Graveyard>,
    trimmer: crate::memory::Trimmer,
}

impl Drop for Pool {
    fn drop(&mut self) {
        // The threads end once the queued jobs are done; the memory thread too.
        let idle = {
            let mut state = self.shared.lock();
            state.closed = true;
            std::mem::take(&mut state.idle)
        };
        for thread in idle {
            thread.unpark();
        }
        self.trimmer.stop();
    }
}

struct Shared {
    state: Mutex<State>,
    max_threads: usize,
}

#[derive(Default)]
struct State {
    /// Jobs not yet started, by lane. A lane is here while it has jobs or runs one.
    queues: HashMap<Lane, VecDeque<Job>>,
    /// Lanes with jobs and no thread on them, oldest first.
    ready: VecDeque<Lane>,
    /// Lanes a thread is on.
    running: HashSet<Lane>,
    threads: usize,
    /// Threads waiting for a ready lane, the last to go idle last.
    idle: Vec<Thread>,
    closed: bool,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// What [`Pool::drop_later`] was given and no thread has dropped yet.
#[derive(Default)]
struct Graveyard {
    dead: Mutex<Vec<Box<dyn Send>>>,
    /// Held while dropping, so that no job starts before an earlier burial ends.
    burying: Mutex<()>,
}

impl Graveyard {
    fn push(&self, value: Box<dyn Send>) {
        self.dead.lock().unwrap_or_else(|p| p.into_inner()).push(value);
    }

    /// Drop what waits (or wait for another thread doing so).
    fn bury(&self) {
        let _burying = self.burying.lock().unwrap_or_else(|p| p.into_inner());
        let dead = std::mem::take(&mut *self.dead.lock().unwrap_or_else(|p| p.into_inner()));
        drop(dead);
    }
}

impl Pool {
    /// A pool that runs up to `max_threads` lanes at once (at least one). Threads
    /// start when work comes; they end when the pool is dropped.
    pub fn new(max_threads: usize) -> Pool {
        let shared = Arc::new(Shared { state: Mutex::new(State::default()), max_threads: max_threads.max(1) });
        Pool { shared, graveyard: Arc::new(Graveyard::default()), trimmer: crate::memory::Trimmer::start() }
    }

    /// Run `f` on the pool, after the jobs given before on the same lane. `Err` holds
    /// the panic message if it panicked. If this future is dropped before `f`
    /// starts, `f` never runs.
    pub async fn run<T: Send + 'static>(
        &self,
        lane: &str,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, String> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            if tx.is_closed() {
                return; // nobody waits for it any more
            }
            let _ = tx.send(catch_unwind(AssertUnwindSafe(f)).map_err(|panic| panic_message(panic.as_ref())));
        });
        self.submit(Lane::from(lane), job);
        rx.await.unwrap_or_else(|_| Err("the analysis threads are gone".to_string()))
    }

    /// Drop a value on the pool: freeing a large analysis takes milliseconds that
    /// the message loop should not spend. Every job the pool starts first drops
    /// what waits, so an old analysis is gone before the next one is built (two
    /// analyses of a large document never live side by side on its account).
    /// `lane`: the document the value belonged to, whose thread frees it.
    pub fn drop_later<T: Send + 'static>(&self, lane: &str, value: T) {
        self.graveyard.push(Box::new(value));
        // A job of its own, in case no other job comes soon.
        self.submit(Lane::from(lane), Box::new(|| {}));
    }

    /// How many threads the pool has now (for tests).
    pub fn threads(&self) -> usize {
        self.shared.lock().threads
    }

    fn submit(&self, lane: Lane, job: Job) {
        let mut state = self.shared.lock();
        if state.closed {
            return;
        }
        let queue = state.queues.entry(lane.clone()).or_default();
        queue.push_back(job);
        if queue.len() > 1 || state.running.contains(&lane) {
            return; // the lane already waits for a thread, or a thread is on it
        }
        state.ready.push_back(lane);
        if let Some(thread) = state.idle.pop() {
            thread.unpark();
            return;
        }
        if state.threads < self.shared.max_threads {
            let number = state.threads;
            let spawned = std::thread::Builder::new().name(format!("vpc-analysis-{number}")).spawn({
                let (shared, graveyard, trimmer) = (self.shared.clone(), self.graveyard.clone(), self.trimmer.clone());
                move || work(&shared, &graveyard, &trimmer)
            });
            match spawned {
                Ok(_) => state.threads += 1,
                Err(e) => eprintln!("vpc lsp: cannot start an analysis thread: {e}"),
            }
        }
    }
}

/// A pool thread: take a ready lane, run its jobs until it has none, repeat.
fn work(shared: &Shared, graveyard: &Graveyard, trimmer: &crate::memory::Trimmer) {
    let mut lane: Option<Lane> = None;
    loop {
        let (current, job) = {
            let mut state = shared.lock();
            // Stay on the lane while it has jobs.
            let next = lane.take().and_then(|current| {
                let job = state.queues.get_mut(&current).and_then(VecDeque::pop_front);
                if job.is_none() {
                    state.queues.remove(&current);
                    state.running.remove(&current);
                }
                job.map(|job| (current, job))
            });
            match next {
                Some(next) => next,
                None => loop {
                    if let Some(ready) = state.ready.pop_front() {
                        if let Some(job) = state.queues.get_mut(&ready).and_then(VecDeque::pop_front) {
                            state.running.insert(ready.clone());
                            break (ready, job);
                        }
                        continue;
                    }
                    if state.closed {
                        state.threads -= 1;
                        return;
                    }
                    let me = std::thread::current();
                    state.idle.push(me.clone());
                    drop(state);
                    let since = Instant::now();
                    std::thread::park_timeout(IDLE_THREAD_LIFETIME);
                    state = shared.lock();
                    // Still on the idle list: nobody handed us work (a timeout or a spurious wake-up).
                    if let Some(at) = state.idle.iter().position(|t| t.id() == me.id()) {
                        state.idle.remove(at);
                        let expired = since.elapsed() >= IDLE_THREAD_LIFETIME;
                        if expired && state.ready.is_empty() && state.threads > 1 {
                            state.threads -= 1;
                            return;
                        }
                    }
                },
            }
        };
        lane = Some(current);
        let _ = catch_unwind(AssertUnwindSafe(|| graveyard.bury()));
        job();
        // Jobs allocate and free in bulk (analyses, dropped ones).
        trimmer.busy();
    }
}

/// Run blocking IO on tokio's blocking pool. `Err` holds the panic message if it panicked.
pub async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, String> {
    match tokio::task::spawn_blocking(move || catch_unwind(AssertUnwindSafe(f))).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(panic)) => Err(panic_message(panic.as_ref())),
        Err(join) => Err(join.to_string()),
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic without a message".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Condvar;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A gate a job can wait at until the test opens it.
    #[derive(Clone, Default)]
    struct Gate(Arc<(Mutex<bool>, Condvar)>);

    impl Gate {
        fn wait(&self) {
            let (open, wake) = &*self.0;
            let mut open = open.lock().unwrap();
            while !*open {
                open = wake.wait(open).unwrap();
            }
        }

        fn open(&self) {
            *self.0.0.lock().unwrap() = true;
            self.0.1.notify_all();
        }
    }

    #[tokio::test]
    async fn a_panic_becomes_an_error_and_the_pool_lives_on() {
        let pool = Pool::new(1);
        assert_eq!(pool.run("a", || 1 + 1).await, Ok(2));
        // (The default hook prints this panic on stderr.)
        assert_eq!(pool.run("a", || -> u8 { panic!("boom {}", 7) }).await, Err("boom 7".to_string()));
        assert_eq!(pool.run("a", || 3).await, Ok(3));
        assert_eq!(blocking(|| 4).await, Ok(4));
        assert_eq!(blocking(|| -> u8 { panic!("io") }).await, Err("io".to_string()));
    }

    #[tokio::test]
    async fn what_is_dropped_later_is_gone_before_the_next_job_starts() {
        struct Slow(Arc<AtomicUsize>);
        impl Drop for Slow {
            fn drop(&mut self) {
                std::thread::sleep(Duration::from_millis(2));
                self.0.fetch_add(1, Ordering::SeqCst);
            }
        }
        let pool = Pool::new(2);
        let dropped = Arc::new(AtomicUsize::new(0));
        for round in 1..=50 {
            pool.drop_later(if round % 3 == 0 { "a" } else { "c" }, Slow(dropped.clone()));
            let seen = {
                let dropped = dropped.clone();
                pool.run(if round % 2 == 0 { "a" } else { "b" }, move || dropped.load(Ordering::SeqCst)).await.unwrap()
            };
            assert_eq!(seen, round, "a job ran while an earlier value was still alive");
        }
    }

    #[tokio::test]
    async fn jobs_of_a_lane_run_in_order_on_one_thread() {
        let pool = Pool::new(4);
        let seen = Arc::new(Mutex::new(Vec::new()));
        let mut waits = Vec::new();
        for i in 0..20 {
            let seen = seen.clone();
            waits.push(pool.run("a", move || seen.lock().unwrap().push((i, std::thread::current().id()))));
        }
        for w in waits {
            w.await.unwrap();
        }
        let seen = seen.lock().unwrap();
        assert_eq!(seen.iter().map(|(i, _)| *i).collect::<Vec<_>>(), (0..20).collect::<Vec<_>>());
        assert!(seen.iter().all(|(_, thread)| *thread == seen[0].1), "one lane hopped threads");
    }

    /// Poll `job` once: it is queued (or done); `true` if it is done.
    async fn queue<T>(job: &mut std::pin::Pin<Box<impl std::future::Future<Output = T>>>) -> bool {
        tokio::time::timeout(Duration::from_millis(1), job.as_mut()).await.is_ok()
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_blocked_lane_does_not_hold_up_another() {
        let pool = Pool::new(2);
        let gate = Gate::default();
        let mut slow = Box::pin(pool.run("slow", {
            let gate = gate.clone();
            move || gate.wait()
        }));
        assert!(!queue(&mut slow).await);
        // Answered while the slow lane is still blocked (the timeout only detects a hang).
        let quick = tokio::time::timeout(Duration::from_secs(30), pool.run("quick", || 7)).await;
        assert_eq!(quick.expect("the quick lane waited for the slow one"), Ok(7));
        assert!(!queue(&mut slow).await, "the slow job ended without its gate opening");
        gate.open();
        assert_eq!(slow.await, Ok(()));
        assert_eq!(pool.threads(), 2);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_lane_keeps_to_the_thread_that_went_idle_last() {
        let pool = Pool::new(4);
        // Two threads: one blocked on lane "x" while lane "a" runs.
        let gate = Gate::default();
        let mut blocked = Box::pin(pool.run("x", {
            let gate = gate.clone();
            move || gate.wait()
        }));
        assert!(!queue(&mut blocked).await);
        pool.run("a", || ()).await.unwrap();
        gate.open();
        blocked.await.unwrap();
        assert_eq!(pool.threads(), 2);
        // One job at a time, the threads idle in between: always the same thread.
        let mut threads = Vec::new();
        for _ in 0..20 {
            threads.push(pool.run("a", || std::thread::current().id()).await.unwrap());
        }
        assert!(threads.iter().all(|t| *t == threads[0]), "{threads:?}");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_job_nobody_waits_for_any_more_is_skipped() {
        let pool = Pool::new(1);
        let gate = Gate::default();
        let ran = Arc::new(AtomicUsize::new(0));
        let mut first = Box::pin(pool.run("a", {
            let gate = gate.clone();
            move || gate.wait()
        }));
        assert!(!queue(&mut first).await);
        let mut abandoned = Box::pin(pool.run("a", {
            let ran = ran.clone();
            move || ran.fetch_add(1, Ordering::SeqCst)
        }));
        assert!(!queue(&mut abandoned).await);
        drop(abandoned); // the caller stops waiting while the job is queued
        gate.open();
        first.await.unwrap();
        assert_eq!(pool.run("a", || 1).await, Ok(1));
        assert_eq!(ran.load(Ordering::SeqCst), 0, "the abandoned job ran");
    }
}
