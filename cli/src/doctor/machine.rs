//! The machine `llmdoctor doctor` looks at: home directory, working directory, environment and
//! OS. Built once in `main` from the process (`Machine::from_process`); tests build their own.

use std::path::{Path, PathBuf, MAIN_SEPARATOR};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Os {
    Linux,
    Mac,
    Windows,
    Other,
}

#[derive(Clone, Debug)]
pub struct Machine {
    /// `$HOME` (Unix) or `%USERPROFILE%` (Windows).
    pub home: Option<PathBuf>,
    /// Where llmdoctor runs: the project whose project-level files are read.
    pub cwd: PathBuf,
    /// The environment, in the order the OS gave it. Values that are not UTF-8 are read with
    /// U+FFFD in place of their bad bytes.
    pub vars: Vec<(String, String)>,
    pub os: Os,
}

impl Machine {
    pub fn from_process() -> Machine {
        let vars: Vec<(String, String)> = std::env::vars_os()
            .map(|(k, v)| {
                (
                    k.to_string_lossy().into_owned(),
                    v.to_string_lossy().into_owned(),
                )
            })
            .collect();
        let os = if cfg!(target_os = "windows") {
            Os::Windows
        } else if cfg!(target_os = "macos") {
            Os::Mac
        } else if cfg!(target_os = "linux") {
            Os::Linux
        } else {
            Os::Other
        };
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        Machine::new(vars, cwd, os)
    }

    /// A machine with this environment: the home directory is read from it the way each OS
    /// defines it.
    pub fn new(vars: Vec<(String, String)>, cwd: PathBuf, os: Os) -> Machine {
        let mut m = Machine {
            home: None,
            cwd,
            vars,
            os,
        };
        m.home = if os == Os::Windows {
            m.var_path("USERPROFILE").or_else(|| {
                let drive = m.var("HOMEDRIVE")?;
                let path = m.var("HOMEPATH")?;
                Some(PathBuf::from(format!("{drive}{path}")))
            })
        } else {
            m.var_path("HOME")
        };
        m
    }

    /// The variable's value (names compare case-insensitively on Windows, as the OS does).
    pub fn var(&self, name: &str) -> Option<&str> {
        self.vars
            .iter()
            .rev()
            .find(|(k, _)| {
                if self.os == Os::Windows {
                    k.eq_ignore_ascii_case(name)
                } else {
                    k == name
                }
            })
            .map(|(_, v)| v.as_str())
    }

    /// The variable as a path, when set and not empty.
    pub fn var_path(&self, name: &str) -> Option<PathBuf> {
        self.var(name)
            .filter(|v| !v.trim().is_empty())
            .map(PathBuf::from)
    }

    pub fn home_join(&self, rel: &str) -> Option<PathBuf> {
        self.home.as_ref().map(|h| h.join(rel))
    }

    /// `$XDG_CONFIG_HOME` when it is an absolute path, else `~/.config` (also on Windows and
    /// macOS, as opencode's xdg-basedir does).
    pub fn config_home(&self) -> Option<PathBuf> {
        self.var_path("XDG_CONFIG_HOME")
            .filter(|p| p.is_absolute())
            .or_else(|| self.home_join(".config"))
    }

    /// `$XDG_DATA_HOME` when absolute, else `~/.local/share`.
    pub fn data_home(&self) -> Option<PathBuf> {
        self.var_path("XDG_DATA_HOME")
            .filter(|p| p.is_absolute())
            .or_else(|| self.home_join(".local/share"))
    }

    /// The nearest directory from the working directory up holding `.git`, stopping at home.
    pub fn git_root(&self) -> Option<PathBuf> {
        let mut dir = Some(self.cwd.as_path());
        while let Some(d) = dir {
            if d.join(".git").exists() {
                return Some(d.to_path_buf());
            }
            if Some(d) == self.home.as_deref() {
                return None;
            }
            dir = d.parent();
        }
        None
    }

    /// The working directory and its parents up to (not including) home or the filesystem
    /// root, nearest first.
    pub fn dirs_up(&self) -> Vec<PathBuf> {
        let mut out = Vec::new();
        let mut dir = Some(self.cwd.as_path());
        while let Some(d) = dir {
            if Some(d) == self.home.as_deref() {
                break;
            }
            out.push(d.to_path_buf());
            dir = d.parent();
        }
        out
    }

    /// How a path is shown: `~/…` under home, relative under the working directory, else as
    /// it is.
    pub fn display(&self, p: &Path) -> String {
        // The nearer of the two: a project inside home shows relative, home files from `/`
        // show as `~/…`.
        let under_cwd = p
            .strip_prefix(&self.cwd)
            .ok()
            .filter(|r| !r.as_os_str().is_empty());
        let under_home = self.home.as_ref().and_then(|h| p.strip_prefix(h).ok());
        let cwd_nearer = match (&self.home, under_cwd.is_some()) {
            (Some(h), true) => self.cwd.starts_with(h) && self.cwd != *h,
            (None, true) => true,
            _ => false,
        };
        if let (true, Some(rel)) = (cwd_nearer, under_cwd) {
            return rel.to_string_lossy().into_owned();
        }
        if let Some(rel) = under_home {
            return format!("~{MAIN_SEPARATOR}{}", rel.to_string_lossy());
        }
        p.to_string_lossy().into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn home_follows_the_os() {
        let unix = Machine::new(vars(&[("HOME", "/home/a")]), "/w".into(), Os::Linux);
        assert_eq!(unix.home, Some(PathBuf::from("/home/a")));
        let win = Machine::new(
            vars(&[("HOMEDRIVE", "C:"), ("HOMEPATH", "\\Users\\a")]),
            "/w".into(),
            Os::Windows,
        );
        assert_eq!(win.home, Some(PathBuf::from("C:\\Users\\a")));
        let win = Machine::new(
            vars(&[("UserProfile", "D:\\u"), ("path", "x")]),
            "/w".into(),
            Os::Windows,
        );
        assert_eq!(win.home, Some(PathBuf::from("D:\\u")));
        assert_eq!(win.var("PATH"), Some("x"), "case-insensitive on Windows");
        assert_eq!(unix.var("home"), None, "case-sensitive elsewhere");
    }

    #[test]
    fn paths_are_shown_from_home_or_the_project() {
        let m = Machine::new(
            vars(&[("HOME", "/home/a")]),
            "/home/a/proj".into(),
            Os::Linux,
        );
        let sep = MAIN_SEPARATOR;
        assert_eq!(
            m.display(Path::new("/home/a/.claude/settings.json")),
            format!("~{sep}.claude/settings.json")
        );
        assert_eq!(
            m.display(Path::new("/home/a/proj/.claude/settings.json")),
            ".claude/settings.json"
        );
        assert_eq!(m.display(Path::new("/etc/x")), "/etc/x");
        let root = Machine::new(vars(&[("HOME", "/home/a")]), "/".into(), Os::Linux);
        assert_eq!(
            root.display(Path::new("/home/a/.codex/config.toml")),
            format!("~{sep}.codex/config.toml")
        );
        assert_eq!(root.display(Path::new("/etc/x")), "/etc/x");
    }
}
