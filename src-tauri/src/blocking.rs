//! Running store work where the synchronous PostgreSQL driver is allowed to block.
//!
//! `#[tauri::command(async)]` on a plain `fn` does not put it on a blocking thread: the
//! generated wrapper (tauri-macros, `body_async`) calls the function inside an `async` block
//! that `InvokeResolver::respond_async_serialized` hands to `tauri::async_runtime::spawn`, so
//! it runs on a tokio worker thread. The `postgres` crate drives each connection with its own
//! runtime's `block_on`, which panics on a thread that is already inside a runtime ("Cannot
//! start a runtime from within a runtime"): on every query, and when a connection is dropped.
//! So every state method that touches a database runs its work through [`off_runtime`].

use tokio::runtime::{Handle, RuntimeFlavor};

/// Runs `work` where blocking is allowed and returns what it returns (a panic in it goes on
/// in the caller):
/// - outside any runtime (the CLI, tests, the app's set-up hook): right here;
/// - on a multi-threaded runtime (Tauri's): here too, through `block_in_place`, which hands
///   this worker's other tasks to the other workers and leaves the runtime context for the
///   duration, so nothing waits behind the work and the driver's `block_on` is allowed;
/// - on a single-threaded runtime, which cannot give its thread away: on a thread of its own,
///   waited for.
pub fn off_runtime<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    match Handle::try_current() {
        Err(_) => work(),
        Ok(handle) if handle.runtime_flavor() == RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(work)
        }
        Ok(_) => std::thread::scope(|scope| {
            scope
                .spawn(work)
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the driver does on each query: blocks on a runtime of its own.
    fn nested_block_on() -> u32 {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(async { 42 })
    }

    #[test]
    fn the_drivers_block_on_panics_on_a_worker_unless_run_off_the_runtime() {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .build()
            .unwrap();
        let bare = runtime.block_on(async { tokio::spawn(async { nested_block_on() }).await });
        assert!(
            bare.unwrap_err().is_panic(),
            "without the guard the nested block_on panics (the bug this module exists for)"
        );
        let guarded = runtime.block_on(async {
            tokio::spawn(async { off_runtime(nested_block_on) })
                .await
                .unwrap()
        });
        assert_eq!(guarded, 42);
    }

    #[test]
    fn it_works_on_a_single_threaded_runtime_and_outside_any() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        assert_eq!(runtime.block_on(async { off_runtime(nested_block_on) }), 42);
        assert_eq!(off_runtime(nested_block_on), 42);
    }

    #[test]
    fn a_panic_in_the_work_reaches_the_caller() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let caught = std::panic::catch_unwind(|| {
            runtime.block_on(async { off_runtime(|| -> u32 { panic!("in the work") }) })
        });
        assert!(caught.is_err());
    }
}
