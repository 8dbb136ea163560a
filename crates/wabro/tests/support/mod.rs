//! What the binary's tests share: a temporary data directory, running `wabro`, its output.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// A directory removed when dropped; `data()` is the data directory inside it.
pub struct Dir(pub PathBuf);

impl Dir {
    pub fn new(name: &str) -> Dir {
        let d = std::env::temp_dir().join(format!("wabro-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        Dir(d)
    }

    pub fn data(&self) -> String {
        self.0.join("data").display().to_string()
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `wabro` with `args` and `env`, no standard input, to its end.
pub fn wabro(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_wabro"));
    c.args(args).stdin(Stdio::null());
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

/// Standard output then standard error.
pub fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// The header line of a Dimona import file.
pub const HEADER: &str = "enterprise_number,ssin,family_name,given_name,nationality,birth_date,street,number,postal_code,city,country,start,end\n";
