//! Writing the user's files safely: a project's name and place (never over a source of the
//! pair), and a file written whole or not at all, only over a regular file, its mode kept.

use std::io;
use std::path::{Path, PathBuf};

/// Where a project may be saved: `path` with `.tandem` added when it does not end so, never one
/// of the pair's sources, and never an existing file other than the project's own unless
/// `replace` (the user said so: `--force`, a dialog's "Replace").
///
/// # Errors
/// A message saying why not, and what to do.
pub fn save_path(path: &Path, sources: [&Path; 2], current: Option<&Path>, replace: bool) -> Result<PathBuf, String> {
    let path = if path.extension().is_some_and(|e| e == "tandem") {
        path.to_path_buf()
    } else {
        let mut name = path.as_os_str().to_os_string();
        name.push(".tandem");
        PathBuf::from(name)
    };
    let same = |a: &Path, b: &Path| match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    };
    if let Some(k) = sources.iter().position(|s| same(&path, s)) {
        let side = if k == 0 { "left" } else { "right" };
        return Err(format!(
            "{} is the {side} text of the pair: a project never replaces its sources; choose another name",
            path.display()
        ));
    }
    let own = current.is_some_and(|c| same(&path, c));
    if path.exists() && !own && !replace {
        return Err(format!("{} already exists: choose another name (or give --force to replace it)", path.display()));
    }
    Ok(path)
}

/// [`write_whole`] for Tandem's own files (recovery copies, dismissals): their folder is made
/// when missing.
///
/// # Errors
/// The folder cannot be made or written.
pub fn write_whole_creating(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    write_whole(path, bytes)
}

/// Writes a file of the user's whole or not at all: a temporary file beside it, flushed, then
/// renamed over it. Only a regular file is ever replaced — never a link (symbolic or hard), a
/// pipe or a device — and it keeps its permissions; a missing folder is an error, not made.
///
/// # Errors
/// The folder is missing or cannot be written, or the name holds something that is not a
/// regular file of its own.
pub fn write_whole(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("the folder {} does not exist (Tandem does not make it)", dir.display()),
        ));
    }
    let existing = std::fs::symlink_metadata(path).ok();
    if let Some(meta) = &existing {
        #[cfg(unix)]
        let linked = std::os::unix::fs::MetadataExt::nlink(meta) > 1;
        #[cfg(not(unix))]
        let linked = false;
        if !meta.file_type().is_file() || linked {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "{} is not a regular file of its own (a link, a pipe or a device): Tandem writes only over regular files",
                    path.display()
                ),
            ));
        }
    }
    let name = path.file_name().map_or_else(|| "tandem".into(), |n| n.to_string_lossy().into_owned());
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&tmp).and_then(|mut file| {
        file.write_all(bytes)?;
        if let Some(meta) = &existing {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()
    });
    let renamed = written.and_then(|()| std::fs::rename(&tmp, path));
    if renamed.is_err() {
        // A full disk or a vanished folder leaves nothing half-written behind.
        let _ = std::fs::remove_file(&tmp);
    }
    remove_stale_temporaries(path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new(".")));
    renamed
}

/// Temporary files of ours (`.NAME.PID.tmp`) that a killed Tandem left in `dir`: removed once
/// their process is gone (an export killed half-way can leave hundreds of megabytes).
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(pid) = name
            .strip_prefix('.')
            .and_then(|n| n.strip_suffix(".tmp"))
            .and_then(|n| n.rsplit_once('.'))
            .and_then(|(_, pid)| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !process_alive(pid) && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether a process is running (where that cannot be known, it is taken to be).
fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else { return true };
        // SAFETY: signal 0 sends nothing; it only asks whether the process exists.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("tandem-write-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_project_goes_to_a_tandem_file_never_over_a_source_or_another_file() {
        let dir = scratch("save-path");
        let (left, right) = (dir.join("fr.txt"), dir.join("en.txt"));
        std::fs::write(&left, "texte").unwrap();
        std::fs::write(&right, "text").unwrap();
        let sources = [left.as_path(), right.as_path()];
        assert!(save_path(&left, sources, None, true).is_ok_and(|p| p == dir.join("fr.txt.tandem")));
        let own = dir.join("fr.tandem");
        assert_eq!(save_path(&dir.join("fr"), sources, None, false), Ok(own.clone()));
        std::fs::write(&own, "{}").unwrap();
        assert!(save_path(&own, sources, None, false).unwrap_err().contains("already exists"));
        assert_eq!(save_path(&own, sources, Some(&own), false), Ok(own.clone()), "its own file, saved again");
        assert_eq!(save_path(&own, sources, None, true), Ok(own.clone()), "replace, as asked");
        // A source that ends in .tandem is still a source.
        let odd = dir.join("odd.tandem");
        std::fs::write(&odd, "x").unwrap();
        let err = save_path(&odd, [odd.as_path(), right.as_path()], None, true).unwrap_err();
        assert!(err.contains("left text of the pair"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn only_regular_files_are_replaced_their_mode_kept_and_no_folder_made() {
        let dir = scratch("regular");
        assert!(
            write_whole(&dir.join("missing/out.tsv"), b"x").is_err_and(|e| e.to_string().contains("does not exist"))
        );
        assert!(!dir.join("missing").exists());
        let file = dir.join("out.tsv");
        std::fs::write(&file, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
            write_whole(&file, b"new").unwrap();
            assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
            let link = dir.join("link.tsv");
            std::os::unix::fs::symlink(&file, &link).unwrap();
            assert!(write_whole(&link, b"over").is_err());
            let hard = dir.join("hard.tsv");
            std::fs::hard_link(&file, &hard).unwrap();
            assert!(write_whole(&hard, b"over").is_err());
            assert_eq!(std::fs::read(&file).unwrap(), b"new", "nothing written through a link");
            assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        }
        // What a killed export left (a process that no longer runs) goes with the next write;
        // a running process's temporary file stays.
        let stale = dir.join(".big.tsv.999999999.tmp");
        let live = dir.join(format!(".big.tsv.{}.tmp", std::process::id()));
        std::fs::write(&stale, "half").unwrap();
        std::fs::write(&live, "mine").unwrap();
        write_whole(&dir.join("fresh.tsv"), b"again").unwrap();
        assert!(!stale.exists() && live.exists());
        std::fs::remove_dir_all(&dir).ok();
    }
}
