//! A tiny argument reader: positionals, `--flag` and `--option VALUE`.

pub struct Args {
    items: Vec<String>,
}

impl Args {
    pub fn new(raw: &[String]) -> Args {
        Args {
            items: raw.to_vec(),
        }
    }

    /// Removes and returns the next argument that is not an option.
    pub fn positional(&mut self) -> Option<String> {
        let mut index = 0;
        while index < self.items.len() {
            if self.items[index].starts_with("--") && self.items[index].len() > 2 {
                // Skip the option and, if it takes one, its value (decided by the caller
                // removing options first; a bare flag is skipped alone).
                index += 1;
                continue;
            }
            return Some(self.items.remove(index));
        }
        None
    }

    /// Removes `--name` and returns whether it was there.
    pub fn flag(&mut self, name: &str) -> bool {
        let wanted = format!("--{name}");
        match self.items.iter().position(|a| *a == wanted) {
            Some(index) => {
                self.items.remove(index);
                true
            }
            None => false,
        }
    }

    /// Removes `--name VALUE` and returns the value.
    pub fn option(&mut self, name: &str) -> Result<Option<String>, String> {
        let wanted = format!("--{name}");
        let Some(index) = self.items.iter().position(|a| *a == wanted) else {
            return Ok(None);
        };
        if index + 1 >= self.items.len() {
            return Err(format!("{wanted} needs a value"));
        }
        let value = self.items.remove(index + 1);
        self.items.remove(index);
        Ok(Some(value))
    }

    /// Removes `--name N` and parses it.
    pub fn number(&mut self, name: &str) -> Result<Option<usize>, String> {
        match self.option(name)? {
            Some(value) => value
                .parse()
                .map(Some)
                .map_err(|_| format!("--{name} takes a whole number, not '{value}'")),
            None => Ok(None),
        }
    }

    /// Fails when arguments are left over (a typo should not be ignored silently).
    pub fn finish(&self) -> Result<(), String> {
        match self.items.first() {
            Some(extra) => Err(format!("unexpected argument '{extra}'")),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_options_flags_and_positionals() {
        let raw: Vec<String> = ["quotes", "--jsonl", "in.jsonl", "--json"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut args = Args::new(&raw);
        assert_eq!(args.option("jsonl").unwrap().as_deref(), Some("in.jsonl"));
        assert!(args.flag("json"));
        assert_eq!(args.positional().as_deref(), Some("quotes"));
        assert!(args.finish().is_ok());
        assert!(Args::new(&["--x".to_string()]).number("x").is_err());
    }
}
