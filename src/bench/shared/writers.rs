//! Many people at once: one thread per writer, each on its own connection, started together.

use std::sync::Barrier;
use std::time::{Duration, Instant};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::super::ms;
use crate::{Error, Result};

/// How often each writer acts. `None` in [`timed`]: again as soon as its last operation
/// returned (a load generator, the worst case). `Some`: people working, at random times at
/// least `min_gap` apart, each gap `min_gap` plus up to `jitter` more (uniform), each writer
/// starting at a random moment of its first gap so the writers do not act in step.
#[derive(Debug, Clone, Copy)]
pub(super) struct Pace {
    pub min_gap: Duration,
    pub jitter: Duration,
}

impl Pace {
    /// The mean gap between one writer's operations.
    pub fn mean_gap(self) -> Duration {
        self.min_gap + self.jitter / 2
    }

    fn gap(self, rng: &mut ChaCha8Rng) -> Duration {
        self.min_gap + self.jitter.mul_f64(rng.random::<f64>())
    }
}

/// Runs `writers` threads at once. Each first prepares its state with `setup` (connecting,
/// signing in, one untimed warm-up operation, so a new connection's first statement is not
/// counted), then all start together and each runs `op` `count` times, each timed, at `pace`.
/// Returns every sample, in milliseconds.
///
/// A paced sample is the time from when the operation was due to when it returned, so one that
/// had to wait for the one before it (which overran its gap) counts that wait, as the person
/// would have. Each writer's schedule is seeded by its index, so two paced runs (the floor's and
/// the saves') keep the same times.
pub(super) fn timed<S>(
    writers: usize,
    count: usize,
    pace: Option<Pace>,
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
                    let mut rng = ChaCha8Rng::seed_from_u64(w as u64);
                    // A paced writer starts at a random moment of its first gap.
                    let mut due = Instant::now()
                        + pace.map_or(Duration::ZERO, |p| p.gap(&mut rng).mul_f64(rng.random()));
                    let mut samples = Vec::with_capacity(count);
                    for i in 0..count {
                        if pace.is_none() {
                            due = Instant::now();
                        }
                        if let Some(wait) = due.checked_duration_since(Instant::now()) {
                            std::thread::sleep(wait);
                        }
                        op(&mut state, w, i)?;
                        samples.push(ms(due.elapsed()));
                        if let Some(pace) = pace {
                            due += pace.gap(&mut rng);
                        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Only lower bounds are asserted: sleeping takes at least as long as asked, however
    /// loaded the machine.
    fn sleep_for(ms: u64) -> impl Fn(&mut (), usize, usize) -> Result<()> + Sync {
        move |_, _, _| {
            std::thread::sleep(Duration::from_millis(ms));
            Ok(())
        }
    }

    #[test]
    fn a_paced_writer_waits_its_gap_between_operations() {
        let pace = Pace {
            min_gap: Duration::from_millis(40),
            jitter: Duration::ZERO,
        };
        let t = Instant::now();
        let samples = timed(2, 4, Some(pace), |_| Ok(()), sleep_for(1)).unwrap();
        assert_eq!(samples.len(), 8);
        // Four operations each, 40 ms apart: three gaps at least.
        assert!(
            t.elapsed() >= Duration::from_millis(120),
            "{:?}",
            t.elapsed()
        );
    }

    #[test]
    fn a_paced_sample_counts_the_wait_behind_an_overrunning_operation() {
        // Each operation takes 30 ms but is due every 10 ms, so the i-th returns at least
        // 30 (i + 1) ms after the first was due, and was due 10 i ms after it: it waited.
        let pace = Pace {
            min_gap: Duration::from_millis(10),
            jitter: Duration::ZERO,
        };
        let samples = timed(1, 5, Some(pace), |_| Ok(()), sleep_for(30)).unwrap();
        for (i, sample) in samples.iter().enumerate() {
            let at_least = 30.0 + 20.0 * i as f64;
            assert!(*sample >= at_least, "sample {i}: {sample} ms < {at_least}");
        }
    }

    #[test]
    fn an_unpaced_writer_goes_again_at_once_and_each_sample_is_its_own_operation() {
        let samples = timed(1, 5, None, |_| Ok(()), sleep_for(30)).unwrap();
        assert_eq!(samples.len(), 5);
        assert!(samples.iter().all(|s| *s >= 30.0), "{samples:?}");
    }
}
