//! Where work runs off the message loop, with panics caught.
//!
//! Analyses and features run on a small pool of threads of their own ([`Pool`]),
//! not on tokio's blocking pool: that one also serves stdin/stdout, and spreading
//! large allocations over many threads makes the allocator keep much more memory
//! (each thread's heap holds on to what it freed). File IO uses [`blocking`].

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

type Job = Box<dyn FnOnce() + Send>;

/// A fixed set of threads that run jobs in the order they are given.
pub struct Pool {
    jobs: mpsc::Sender<Job>,
    graveyard: Arc<Graveyard>,
    trimmer: crate::memory::Trimmer,
}

impl Drop for Pool {
    fn drop(&mut self) {
        // The pool's threads end as the job channel closes; the memory thread too.
        self.trimmer.stop();
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
    /// Start `threads` threads (at least one). They end when the pool is dropped.
    pub fn new(threads: usize) -> Pool {
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        let graveyard = Arc::new(Graveyard::default());
        let trimmer = crate::memory::Trimmer::start();
        for i in 0..threads.max(1) {
            let queue = queue.clone();
            let graveyard = graveyard.clone();
            let trimmer = trimmer.clone();
            let spawned = std::thread::Builder::new().name(format!("vpc-analysis-{i}")).spawn(move || {
                loop {
                    let job = queue.lock().unwrap_or_else(|p| p.into_inner()).recv();
                    let Ok(job) = job else { return };
                    let _ = catch_unwind(AssertUnwindSafe(|| graveyard.bury()));
                    job();
                    // Jobs allocate and free in bulk (analyses, dropped ones).
                    trimmer.busy();
                }
            });
            if let Err(e) = spawned {
                eprintln!("vpc lsp: cannot start an analysis thread: {e}");
            }
        }
        Pool { jobs, graveyard, trimmer }
    }

    /// Run `f` on the pool. `Err` holds the panic message if it panicked.
    pub async fn run<T: Send + 'static>(&self, f: impl FnOnce() -> T + Send + 'static) -> Result<T, String> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = tx.send(catch_unwind(AssertUnwindSafe(f)).map_err(|panic| panic_message(panic.as_ref())));
        });
        if self.jobs.send(job).is_err() {
            return Err("the analysis threads are gone".to_string());
        }
        rx.await.unwrap_or_else(|_| Err("the analysis threads are gone".to_string()))
    }

    /// Drop a value on the pool: freeing a large analysis takes milliseconds that
    /// the message loop should not spend. Every job the pool starts first drops
    /// what waits, so an old analysis is gone before the next one is built (two
    /// analyses of a large document never live side by side on its account).
    pub fn drop_later<T: Send + 'static>(&self, value: T) {
        self.graveyard.push(Box::new(value));
        // A job of its own, in case no other job comes soon.
        let _ = self.jobs.send(Box::new(|| {}));
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

    #[tokio::test]
    async fn a_panic_becomes_an_error_and_the_pool_lives_on() {
        let pool = Pool::new(1);
        assert_eq!(pool.run(|| 1 + 1).await, Ok(2));
        // (The default hook prints this panic on stderr.)
        assert_eq!(pool.run(|| -> u8 { panic!("boom {}", 7) }).await, Err("boom 7".to_string()));
        assert_eq!(pool.run(|| 3).await, Ok(3));
        assert_eq!(blocking(|| 4).await, Ok(4));
        assert_eq!(blocking(|| -> u8 { panic!("io") }).await, Err("io".to_string()));
    }

    #[tokio::test]
    async fn what_is_dropped_later_is_gone_before_the_next_job_starts() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        struct Slow(Arc<AtomicUsize>);
        impl Drop for Slow {
            fn drop(&mut self) {
                std::thread::sleep(std::time::Duration::from_millis(2));
                self.0.fetch_add(1, Ordering::SeqCst);
            }
        }
        let pool = Pool::new(2);
        let dropped = Arc::new(AtomicUsize::new(0));
        for round in 1..=50 {
            pool.drop_later(Slow(dropped.clone()));
            let seen = {
                let dropped = dropped.clone();
                pool.run(move || dropped.load(Ordering::SeqCst)).await.unwrap()
            };
            assert_eq!(seen, round, "a job ran while an earlier value was still alive");
        }
    }

    #[tokio::test]
    async fn jobs_run_in_order_on_one_thread() {
        let pool = Pool::new(1);
        let seen = Arc::new(Mutex::new(Vec::new()));
        let mut waits = Vec::new();
        for i in 0..20 {
            let seen = seen.clone();
            waits.push(pool.run(move || seen.lock().unwrap().push(i)));
        }
        for w in waits {
            w.await.unwrap();
        }
        assert_eq!(*seen.lock().unwrap(), (0..20).collect::<Vec<_>>());
    }
}
