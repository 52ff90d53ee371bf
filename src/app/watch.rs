//! Watching the two source files while they are open: a thread looks at their size and time
//! of change once a second and wakes the window only when one of them changed (no frames while
//! nothing happens). The app then reloads that side and keeps the decisions that still apply.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, SystemTime};

use crate::core::side::{Side, Sides};

/// How often the files are looked at.
const EVERY: Duration = Duration::from_millis(1000);

/// What a file looks like from outside: its size and when it last changed (`None`: gone).
fn stamp(path: &std::path::Path) -> Option<(u64, SystemTime)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

/// A watch on two files; dropping it ends the thread.
pub struct Watcher {
    rx: Receiver<Side>,
    stop: Arc<AtomicBool>,
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

impl Watcher {
    /// Starts watching; `wake` is called when a file changed.
    pub fn spawn(paths: Sides<PathBuf>, wake: impl Fn() + Send + 'static) -> Watcher {
        let (tx, rx) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        std::thread::spawn(move || {
            let mut seen = paths.as_ref().map(|p| stamp(p));
            while !stopped.load(Ordering::Relaxed) {
                std::thread::sleep(EVERY);
                for side in Side::BOTH {
                    let now = stamp(&paths[side]);
                    if now != seen[side] {
                        seen[side] = now;
                        if tx.send(side).is_err() {
                            return;
                        }
                        wake();
                    }
                }
            }
        });
        Watcher { rx, stop }
    }

    /// The sides that changed since the last look.
    pub fn changed(&self) -> Vec<Side> {
        let mut sides: Vec<Side> = self.rx.try_iter().collect();
        sides.sort();
        sides.dedup();
        sides
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_on_disk_is_noticed() {
        let dir = std::env::temp_dir().join(format!("tandem-watch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
        std::fs::write(&a, "one").unwrap();
        std::fs::write(&b, "two").unwrap();
        let watcher = Watcher::spawn(Sides::new(a.clone(), b), || {});
        std::thread::sleep(Duration::from_millis(1300));
        assert!(watcher.changed().is_empty());
        std::fs::write(&a, "one, then more").unwrap();
        let mut changed = Vec::new();
        for _ in 0..30 {
            std::thread::sleep(Duration::from_millis(100));
            changed.extend(watcher.changed());
            if !changed.is_empty() {
                break;
            }
        }
        assert_eq!(changed, [Side::Left]);
        std::fs::remove_dir_all(&dir).ok();
    }
}
