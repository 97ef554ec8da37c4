//! The process environment as the configuration layer sees it: an ordered list of variables, so that loading is
//! a pure function of its inputs and tests can use a fake environment.

/// Environment variables, in the order the process received them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    vars: Vec<(String, String)>,
}

impl Environment {
    /// The current process's environment, decoded as Python decodes it (bytes that are not UTF-8 become escape
    /// characters, see `cliff::surrogate`): a non-UTF-8 `OS_CLOUD` names a cloud that does not exist, as in OSC,
    /// instead of being skipped.
    pub fn from_process() -> Self {
        Environment {
            vars: std::env::vars_os()
                .map(|(k, v)| (cliff::surrogate::from_os(&k), cliff::surrogate::from_os(&v)))
                .collect(),
        }
    }

    /// An environment made of these variables (later duplicates replace earlier ones).
    pub fn from_pairs<K: Into<String>, V: Into<String>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        let mut env = Environment::default();
        for (k, v) in pairs {
            env.set(k, v);
        }
        env
    }

    /// Sets a variable, keeping its position if it already exists.
    pub fn set(&mut self, key: impl Into<String>, value: impl Into<String>) {
        let key = key.into();
        let value = value.into();
        match self.vars.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => self.vars.push((key, value)),
        }
    }

    /// `os.environ.get(key)`: the value even when empty.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.vars
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// osc-lib's `utils.env(key)`: the value only when it is not empty.
    pub fn non_empty(&self, key: &str) -> Option<&str> {
        self.get(key).filter(|v| !v.is_empty())
    }

    /// Every variable, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.vars.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_values_count_for_get_but_not_for_non_empty() {
        let env = Environment::from_pairs([("OS_CLOUD", ""), ("OS_USERNAME", "demo")]);
        assert_eq!(env.get("OS_CLOUD"), Some(""));
        assert_eq!(env.non_empty("OS_CLOUD"), None);
        assert_eq!(env.non_empty("OS_USERNAME"), Some("demo"));
        assert_eq!(env.get("OS_PASSWORD"), None);
    }

    #[test]
    fn set_replaces_in_place() {
        let mut env = Environment::from_pairs([("A", "1"), ("B", "2")]);
        env.set("A", "3");
        let all: Vec<_> = env.iter().collect();
        assert_eq!(all, vec![("A", "3"), ("B", "2")]);
    }
}
