//! Many people at once: one thread per writer, each on its own connection, started together.

use std::sync::Barrier;
use std::time::Instant;

use super::super::ms;
use crate::{Error, Result};

/// Runs `writers` threads at once. Each first prepares its state with `setup` (connecting,
/// signing in, one untimed warm-up operation, so a new connection's first statement is not
/// counted), then all start together and each runs `op` `count` times, each timed. Returns
/// every sample, in milliseconds.
pub(super) fn timed<S>(
    writers: usize,
    count: usize,
    setup: impl Fn(usize) -> Result<S> + Sync,
    op: impl Fn(&mut S, usize, usize) -> Result<()> + Sync,
) -> Result<Vec<f64>> {
    let start = Barrier::new(writers);
    let results: Vec<Result<Vec<f64>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..writers)
            .map(|w| {
                let (start, setup, op) = (&start, &setup, &op);
                scope.spawn(move || {
                    let state = setup(w);
                    // Everyone waits for everyone, also when one failed to set up.
                    start.wait();
                    let mut state = state?;
                    let mut samples = Vec::with_capacity(count);
                    for i in 0..count {
                        let t = Instant::now();
                        op(&mut state, w, i)?;
                        samples.push(ms(t.elapsed()));
                    }
                    Ok(samples)
                })
            })
            .collect();
        handles.into_iter().map(join).collect()
    });
    let mut all = Vec::with_capacity(writers * count);
    for samples in results {
        all.extend(samples?);
    }
    Ok(all)
}

/// Runs `work` for each of `jobs` on its own thread at once, untimed (loading the campaign).
pub(super) fn each<J: Sync>(jobs: &[J], work: impl Fn(&J) -> Result<()> + Sync) -> Result<()> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .iter()
            .map(|job| {
                let work = &work;
                scope.spawn(move || work(job))
            })
            .collect();
        // Join every thread before reporting the first failure.
        let results: Vec<Result<()>> = handles.into_iter().map(join).collect();
        results.into_iter().collect()
    })
}

/// A thread's result; a panic in it becomes an error naming it.
fn join<T>(handle: std::thread::ScopedJoinHandle<'_, Result<T>>) -> Result<T> {
    handle.join().unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_default();
        Err(Error::Conflict(format!(
            "a benchmark writer panicked: {what}"
        )))
    })
}
