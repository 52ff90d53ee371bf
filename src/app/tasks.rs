//! One kind of background work: a [`Task`] runs on a thread of its own, wakes the window when its
//! result is there, is polled by the frame, and is cancelled when dropped (a newer search, review
//! or pair replaces it).

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// What a task's work looks at to stop early when nobody wants its result any more.
#[derive(Clone, Debug, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn is_set(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Work running on another thread, giving one `T`.
pub struct Task<T> {
    rx: Receiver<T>,
    cancel: Cancel,
    /// The result [`Task::wait`] waited for, until [`Task::poll`] takes it.
    ready: RefCell<Option<Result<T, Gone>>>,
}

/// A task that ended without a result: cancelled, or its thread stopped (a panic).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gone;

impl<T: Send + 'static> Task<T> {
    /// Runs `work` on a new thread; `wake` is called once its result is there. `work` gives
    /// `None` when it stopped because it was cancelled.
    pub fn spawn(wake: impl Fn() + Send + 'static, work: impl FnOnce(&Cancel) -> Option<T> + Send + 'static) -> Self {
        let (tx, rx) = channel();
        let cancel = Cancel::default();
        let seen = cancel.clone();
        std::thread::spawn(move || {
            if let Some(result) = work(&seen) {
                let _ = tx.send(result);
                // The sender goes before the wake, so that a poll after the wake that finds no
                // second result finds the task ended, never still running.
                drop(tx);
                wake();
            }
        });
        Task { rx, cancel, ready: RefCell::new(None) }
    }

    /// The result once there (`Some(Ok)`, once), `Some(Err(Gone))` when the work ended without
    /// one, `None` while it runs.
    pub fn poll(&self) -> Option<Result<T, Gone>> {
        if let Some(ready) = self.ready.borrow_mut().take() {
            return Some(ready);
        }
        match self.rx.try_recv() {
            Ok(result) => Some(Ok(result)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(Gone)),
        }
    }

    /// Blocks until the work has ended; its result is then what [`Task::poll`] gives (tests).
    pub fn wait(&self) {
        let mut ready = self.ready.borrow_mut();
        if ready.is_none() {
            *ready = Some(self.rx.recv().map_err(|_| Gone));
        }
    }
}

impl<T> Drop for Task<T> {
    fn drop(&mut self) {
        self.cancel.0.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_is_polled_once_and_the_window_woken() {
        let (woken_tx, woken) = channel();
        let task = Task::spawn(move || woken_tx.send(()).unwrap(), |_| Some(41 + 1));
        // The wake comes after the result is sent: waiting for the wake, not for the result, is
        // what tells the test the window would have been woken (waiting for the result raced).
        let wake = woken.recv_timeout(std::time::Duration::from_secs(30));
        assert_eq!(wake, Ok(()), "the window was woken");
        assert_eq!(task.poll(), Some(Ok(42)));
        assert_eq!(task.poll(), Some(Err(Gone)), "given once; then the thread is gone");
    }

    #[test]
    fn dropping_a_task_cancels_its_work() {
        let (seen_tx, seen_rx) = channel();
        let (go_tx, go_rx) = channel::<()>();
        let task: Task<()> = Task::spawn(
            || {},
            move |cancel| {
                let _ = go_rx.recv();
                let _ = seen_tx.send(cancel.is_set());
                None
            },
        );
        drop(task);
        go_tx.send(()).unwrap();
        assert_eq!(seen_rx.recv(), Ok(true), "the work saw it was no longer wanted");
    }

    #[test]
    fn work_that_panics_is_gone_not_a_hang() {
        let task: Task<u8> = Task::spawn(|| {}, |_| panic!("a bug in the work"));
        task.wait();
        assert_eq!(task.poll(), Some(Err(Gone)));
    }
}
