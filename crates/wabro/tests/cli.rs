//! The `wabro` command line as a user runs it: exit codes and output.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn wabro(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wabro")).args(args).output().expect("wabro runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).trim().to_owned()
}

fn example(name: &str) -> String {
    format!("{}/../../docs/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn validate_prints_the_normalised_form() {
    for (kind, input, want) in [
        ("ssin", "85073003328", "85.07.30-033.28"),
        ("ssin", "85.07.30 033-28", "85.07.30-033.28"),
        ("enterprise", "BE0403019261", "0403.019.261"),
        ("employer", "935467", "0009354-67"),
        ("imo", "IMO 9319466", "IMO 9319466"),
        ("postal-code", "B-1000", "1000"),
    ] {
        let o = wabro(&["validate", kind, input]);
        assert_eq!(o.status.code(), Some(0), "{kind} {input}");
        assert_eq!(stdout(&o), want);
    }
}

#[test]
fn validate_prints_the_error_code_and_exits_1() {
    for (kind, input, code) in [
        ("ssin", "85073003329", "ssin.checksum"),
        ("ssin", "8507300332", "ssin.length"),
        ("enterprise", "2111111111", "enterprise.first_digit"),
        ("employer", "196", "employer.range"),
        ("imo", "8814274", "imo.check_digit"),
        ("postal-code", "999", "postal_code.format"),
    ] {
        let o = wabro(&["validate", kind, input]);
        assert_eq!(o.status.code(), Some(1), "{kind} {input}");
        assert_eq!(stdout(&o), code);
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(wabro(&["validate", "passport", "x"]).status.code(), Some(2));
    assert_eq!(wabro(&["validate", "ssin"]).status.code(), Some(2));
    assert_eq!(wabro(&["assess"]).status.code(), Some(2));
    assert_eq!(wabro(&["assess", "/nonexistent.json"]).status.code(), Some(2));
}

#[test]
fn assess_prints_the_assessment_of_each_example() {
    for (file, instrument, article) in [
        ("posting-fr.json", "a1", Some("12(1)")),
        ("simultaneous-be-nl-de.json", "a1", Some("13(1)(a)")),
        ("seafarer-pa.json", "no_agreement", None),
    ] {
        let o = wabro(&["assess", &example(file)]);
        assert_eq!(o.status.code(), Some(0), "{file}: {}", String::from_utf8_lossy(&o.stderr));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(v["instrument"]["type"], instrument, "{file}");
        if let Some(a) = article {
            assert_eq!(v["instrument"]["article"], a, "{file}");
        }
        assert_eq!(v["legislation"], "BE");
    }
}

#[test]
fn assess_reads_standard_input_and_reports_issues_with_exit_1() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wabro"))
        .args(["assess", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let doc =
        r#"{"request": {"kind": "posting", "employee": {"ssin": "85073003329"}}, "today": "2026-11-28"}"#;
    child.stdin.take().unwrap().write_all(doc.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let issues = v["issues"].as_array().unwrap();
    assert!(issues.iter().any(|i| i["code"] == "ssin.checksum" && i["path"] == "employee.ssin"));
    assert!(issues.len() > 10, "every problem at once");
}

#[test]
fn assess_rejects_a_malformed_document_with_exit_2() {
    let dir = std::env::temp_dir().join(format!("wabro-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("bad.json");
    std::fs::write(&f, "{not json").unwrap();
    let o = wabro(&["assess", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a valid assess document"));
}
