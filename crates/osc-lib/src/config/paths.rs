//! Where clouds.yaml, secure.yaml and clouds-public.yaml are looked for.

use std::path::{Path, PathBuf};

use super::env::Environment;

/// The directories searched for configuration files, in openstacksdk's order (the first existing file wins).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigPaths {
    /// Searched in order.
    pub dirs: Vec<PathBuf>,
}

/// File suffixes tried in each directory, in order.
const SUFFIXES: [&str; 3] = [".yaml", ".yml", ".json"];

impl ConfigPaths {
    /// openstacksdk's `CONFIG_SEARCH_PATH`: the working directory, the user config dir (`$XDG_CONFIG_HOME/openstack`
    /// or `~/.config/openstack`), `~/.config/openstack` (`$SNAP_REAL_HOME/.config/openstack` under snap), the site
    /// config dir (`$XDG_CONFIG_DIRS` entries + `/openstack`, joined with `:` as platformdirs does, default
    /// `/etc/xdg/openstack`) and `/etc/openstack`. As platformdirs 4, relative XDG paths are ignored.
    pub fn standard(env: &Environment, cwd: &Path) -> Self {
        let home = env.non_empty("HOME").map(PathBuf::from);
        let mut dirs = vec![cwd.to_path_buf()];
        match env.get("XDG_CONFIG_HOME").filter(|p| p.starts_with('/')) {
            Some(xdg) => dirs.push(Path::new(xdg).join("openstack")),
            None => dirs.extend(home.as_ref().map(|h| h.join(".config").join("openstack"))),
        }
        match env.non_empty("SNAP_REAL_HOME") {
            Some(snap) => dirs.push(Path::new(snap).join(".config").join("openstack")),
            None => dirs.extend(home.as_ref().map(|h| h.join(".config").join("openstack"))),
        }
        let mut site: Vec<String> = env
            .get("XDG_CONFIG_DIRS")
            .unwrap_or("")
            .split(':')
            .filter(|p| p.starts_with('/'))
            .map(|dir| Path::new(dir).join("openstack").display().to_string())
            .collect();
        if site.is_empty() {
            site.push("/etc/xdg/openstack".to_owned());
        }
        dirs.push(PathBuf::from(site.join(":")));
        dirs.push(PathBuf::from("/etc/openstack"));
        ConfigPaths { dirs }
    }

    /// Exactly these directories (for tests and embedding).
    pub fn in_dirs(dirs: impl IntoIterator<Item = PathBuf>) -> Self {
        ConfigPaths {
            dirs: dirs.into_iter().collect(),
        }
    }

    /// Every candidate file named `<stem>.yaml|.yml|.json`, directory by directory.
    pub fn files(&self, stem: &str) -> Vec<PathBuf> {
        self.dirs
            .iter()
            .flat_map(|dir| {
                SUFFIXES
                    .iter()
                    .map(move |suffix| dir.join(format!("{stem}{suffix}")))
            })
            .collect()
    }
}

/// `os.path.expanduser` for a leading `~` or `~/`.
pub(crate) fn expand_user(path: &str, home: Option<&Path>) -> String {
    match (path, home) {
        ("~", Some(home)) => home.display().to_string(),
        (p, Some(home)) if p.starts_with("~/") => format!("{}{}", home.display(), &p[1..]),
        (p, _) => p.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_search_path_as_openstacksdk() {
        // Observed with openstacksdk 4.22.0 / platformdirs 4.14.8: `loader.CONFIG_SEARCH_PATH`.
        let env = Environment::from_pairs([("HOME", "/tmp/h")]);
        let paths = ConfigPaths::standard(&env, Path::new("/work"));
        let dirs: Vec<String> = paths.dirs.iter().map(|d| d.display().to_string()).collect();
        assert_eq!(
            dirs,
            [
                "/work",
                "/tmp/h/.config/openstack",
                "/tmp/h/.config/openstack",
                "/etc/xdg/openstack",
                "/etc/openstack"
            ]
        );
        let env = Environment::from_pairs([
            ("HOME", "/tmp/h"),
            ("XDG_CONFIG_HOME", "/tmp/x"),
            ("XDG_CONFIG_DIRS", "/a:relative:/b/"),
        ]);
        let dirs: Vec<String> = ConfigPaths::standard(&env, Path::new("/work"))
            .dirs
            .iter()
            .map(|d| d.display().to_string())
            .collect();
        assert_eq!(
            dirs,
            [
                "/work",
                "/tmp/x/openstack",
                "/tmp/h/.config/openstack",
                "/a/openstack:/b/openstack",
                "/etc/openstack"
            ]
        );
        // Relative XDG paths are ignored.
        let env = Environment::from_pairs([
            ("HOME", "/tmp/h"),
            ("XDG_CONFIG_HOME", "cfg"),
            ("XDG_CONFIG_DIRS", "x"),
        ]);
        let dirs: Vec<String> = ConfigPaths::standard(&env, Path::new("/work"))
            .dirs
            .iter()
            .map(|d| d.display().to_string())
            .collect();
        assert_eq!(dirs[1], "/tmp/h/.config/openstack");
        assert_eq!(dirs[3], "/etc/xdg/openstack");
    }

    #[test]
    fn file_names_in_order() {
        let paths = ConfigPaths::in_dirs([PathBuf::from("/a"), PathBuf::from("/b")]);
        let files: Vec<String> = paths
            .files("clouds")
            .iter()
            .map(|f| f.display().to_string())
            .collect();
        assert_eq!(
            files,
            [
                "/a/clouds.yaml",
                "/a/clouds.yml",
                "/a/clouds.json",
                "/b/clouds.yaml",
                "/b/clouds.yml",
                "/b/clouds.json"
            ]
        );
    }

    #[test]
    fn tilde_expansion() {
        let home = Path::new("/home/u");
        assert_eq!(expand_user("~/ca.pem", Some(home)), "/home/u/ca.pem");
        assert_eq!(expand_user("~", Some(home)), "/home/u");
        assert_eq!(expand_user("/etc/ca.pem", Some(home)), "/etc/ca.pem");
        assert_eq!(expand_user("~/ca.pem", None), "~/ca.pem");
    }
}
