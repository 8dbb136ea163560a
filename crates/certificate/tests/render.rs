//! Every document kind in every certificate language: the text extracted from the PDF holds
//! the right fields; the output is byte-identical for the same data.

use std::process::Command;
use wabro_certificate::{CertificateData, DocumentKind, Keyring, Payload, PlaceLine, render, verify_token};
use wabro_domain::{CertificateLanguage, Country};

fn data(kind: DocumentKind, language: CertificateLanguage) -> CertificateData {
    let ring = Keyring::generate([3; 32], "k1");
    let payload = Payload {
        n: "BE-2026-0000042".into(),
        k: kind.code().into(),
        s: "BE".into(),
        from: "2027-01-04".into(),
        to: "2027-06-30".into(),
        y: 1971,
    };
    let mut d = CertificateData::sample(kind, language);
    d.verification_url = format!("http://127.0.0.1:8080/verify?t={}", ring.sign(&payload));
    d
}

fn text_of(pdf: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("wabro-cert-{}-{}", std::process::id(), pdf.len()));
    std::fs::write(&dir, pdf).unwrap();
    let out =
        Command::new("pdftotext").arg(&dir).arg("-").output().expect("pdftotext (poppler-utils) is needed");
    let _ = std::fs::remove_file(&dir);
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn every_kind_in_every_language_shows_its_fields() {
    let expected = [
        (
            CertificateLanguage::Fr,
            [
                "Attestation concernant la législation",
                "Certificat de détachement",
                "Décision concernant votre demande",
            ],
            "État membre dont la législation",
            "Allemagne",
        ),
        (
            CertificateLanguage::Nl,
            [
                "Verklaring betreffende de socialezekerheidswetgeving",
                "Detacheringsattest",
                "Beslissing over uw aanvraag",
            ],
            "Lidstaat waarvan de wetgeving",
            "Duitsland",
        ),
        (
            CertificateLanguage::De,
            [
                "Bescheinigung über die Rechtsvorschriften",
                "Entsendebescheinigung",
                "Entscheidung über Ihren Antrag",
            ],
            "Mitgliedstaat, dessen Rechtsvorschriften",
            "Deutschland",
        ),
    ];
    for (lang, titles, section2, nationality) in expected {
        for (kind, title) in [DocumentKind::A1, DocumentKind::CertificateOfCoverage, DocumentKind::Rejection]
            .into_iter()
            .zip(titles)
        {
            let pdf = render(&data(kind, lang)).unwrap();
            assert!(pdf.starts_with(b"%PDF"));
            let text = text_of(&pdf);
            for needle in
                [title, "Müller", "Jürgen", "BE-2026-0000042", "Bouwwerken Vlaanderen NV", nationality]
            {
                assert!(text.contains(needle), "{lang:?} {kind:?} lacks {needle}:\n{text}");
            }
            if kind != DocumentKind::Rejection {
                assert!(text.contains(section2), "{lang:?} {kind:?} lacks section 2");
                assert!(text.contains("Viaduc de Millau"));
            } else {
                assert!(text.contains("Pas de lien direct"), "the reason is stated");
            }
        }
    }
}

#[test]
fn the_same_data_gives_the_same_bytes() {
    let a = render(&data(DocumentKind::A1, CertificateLanguage::Fr)).unwrap();
    let b = render(&data(DocumentKind::A1, CertificateLanguage::Fr)).unwrap();
    assert_eq!(a, b);
    let mut other = data(DocumentKind::A1, CertificateLanguage::Fr);
    other.holder.family_name = "Groß".into();
    assert_ne!(render(&other).unwrap(), a);
}

#[test]
fn the_printed_address_carries_a_verifiable_token() {
    let d = data(DocumentKind::A1, CertificateLanguage::Nl);
    let token = d.verification_url.split("t=").nth(1).unwrap();
    let ring = Keyring::generate([3; 32], "k1");
    assert_eq!(verify_token(token, &ring.public_keys()).unwrap().y, 1971);
}

/// Writes a sample to `target/certificate-sample.pdf` for a look.
#[test]
fn a_sample_is_written_for_people_to_look_at() {
    let pdf = render(&data(DocumentKind::A1, CertificateLanguage::Fr)).unwrap();
    let path =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/certificate-sample.pdf");
    std::fs::write(path, pdf).unwrap();
}

#[test]
fn the_qr_code_scans_back_to_the_verification_address() {
    let d = data(DocumentKind::A1, CertificateLanguage::De);
    let pdf = render(&d).unwrap();
    let dir = std::env::temp_dir().join(format!("wabro-qr-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("c.pdf"), pdf).unwrap();
    let ok = Command::new("pdftoppm")
        .args(["-png", "-r", "300", "-f", "1", "-l", "1"])
        .arg(dir.join("c.pdf"))
        .arg(dir.join("page"))
        .status()
        .expect("pdftoppm (poppler-utils) is needed");
    assert!(ok.success());
    let out = Command::new("zbarimg")
        .args(["-q", "--raw"])
        .arg(dir.join("page-1.png"))
        .output()
        .expect("zbarimg (zbar-tools) is needed");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), d.verification_url);
}

#[test]
fn title_language_and_issuer_are_in_the_metadata() {
    let d = data(DocumentKind::A1, CertificateLanguage::Nl);
    let path = std::env::temp_dir().join(format!("wabro-cert-info-{}.pdf", std::process::id()));
    std::fs::write(&path, render(&d).unwrap()).unwrap();
    let out = Command::new("pdfinfo").arg(&path).output().expect("pdfinfo (poppler-utils) is needed");
    let _ = std::fs::remove_file(&path);
    let info = String::from_utf8_lossy(&out.stdout);
    let field = |name: &str| {
        info.lines().find_map(|l| l.strip_prefix(name)).map(|v| v.trim_start_matches(':').trim().to_owned())
    };
    let title = field("Title").unwrap_or_default();
    assert!(title.ends_with(&format!("— {}", d.document_number)), "{info}");
    assert!(title.starts_with("Verklaring"), "the Dutch title: {info}");
    assert_eq!(field("Author").as_deref(), Some("Rijksdienst voor Sociale Zekerheid (RSZ)"), "{info}");
    assert!(field("CreationDate").unwrap_or_default().contains("2026"), "the date of issue: {info}");
}

#[test]
fn the_document_is_tagged_for_screen_readers() {
    let d = data(DocumentKind::A1, CertificateLanguage::De);
    let path = std::env::temp_dir().join(format!("wabro-cert-tags-{}.pdf", std::process::id()));
    let pdf = render(&d).unwrap();
    std::fs::write(&path, &pdf).unwrap();
    let out = Command::new("pdfinfo").arg("-struct-text").arg(&path).output().expect("pdfinfo is needed");
    let _ = std::fs::remove_file(&path);
    let tree = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = tree.lines().map(str::trim).collect();
    assert_eq!(lines.first(), Some(&"Document"), "{tree}");
    assert!(lines.iter().any(|l| l.starts_with("H1")), "a title: {tree}");
    assert_eq!(lines.iter().filter(|l| l.starts_with("H2")).count(), 6, "six sections: {tree}");
    // A label is followed by its value, in one paragraph.
    let surname = lines.iter().position(|l| *l == "\"Name\"").expect("the surname label");
    assert_eq!(lines[surname - 1], "P (block)", "{tree}");
    assert_eq!(lines[surname + 1], format!("\"{}\"", d.holder.family_name));
    assert!(lines.iter().any(|l| l.starts_with("Figure")), "the QR code is a figure: {tree}");
    // Its description, as a plain or a UTF-16 string.
    let utf16: String = "QR-Code".encode_utf16().map(|u| format!("{u:04X}")).collect();
    let raw = String::from_utf8_lossy(&pdf).replace("/Alt <", "/Alt<").replace("/Alt (", "/Alt(");
    assert!(
        raw.contains(&format!("/Alt<FEFF{utf16}")) || raw.contains("/Alt(QR-Code"),
        "the QR code's description"
    );
}

#[test]
fn letters_of_many_scripts_keep_their_text() {
    // Latin, Greek and Cyrillic letters, in words of ten: most of them need two-byte codes.
    let words = |letters: Vec<char>| -> String {
        letters.chunks(10).map(|w| w.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
    };
    let mut d = data(DocumentKind::A1, CertificateLanguage::Fr);
    d.holder.family_name = words(('A'..='Z').chain('a'..='z').chain('À'..='ÿ').collect());
    d.holder.given_name = words(('Α'..='Ω').chain('α'..='ω').filter(|c| *c != '\u{3a2}').collect());
    d.holder.address = words(('А'..='я').collect());
    let all = format!("{} {} {}", d.holder.family_name, d.holder.given_name, d.holder.address);
    assert!(all.chars().collect::<std::collections::BTreeSet<_>>().len() > 220);
    let text = text_of(&render(&d).unwrap());
    for word in all.split(' ') {
        assert!(text.contains(word), "{word} is lost:\n{text}");
    }
}

/// qpdf reads every object, stream and cross-reference entry and reports any fault, even one
/// that viewers would quietly repair.
#[test]
fn every_document_passes_a_structural_check() {
    let dir = std::env::temp_dir().join(format!("wabro-qpdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut pdfs = vec![("bare".to_owned(), wabro_certificate::bare_page("Müller – Jürgen").unwrap())];
    for lang in [CertificateLanguage::Fr, CertificateLanguage::Nl, CertificateLanguage::De] {
        for kind in [DocumentKind::A1, DocumentKind::CertificateOfCoverage, DocumentKind::Rejection] {
            pdfs.push((format!("{lang:?}-{kind:?}"), render(&data(kind, lang)).unwrap()));
        }
    }
    for (name, pdf) in pdfs {
        let path = dir.join(format!("{name}.pdf"));
        std::fs::write(&path, pdf).unwrap();
        let out = Command::new("qpdf").arg("--check").arg(&path).output().expect("qpdf is needed");
        let report =
            format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success() && !report.contains("WARNING"), "{name}: {report}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_letter_with_a_combining_accent_and_the_same_letter_plain_read_back_apart() {
    // No precomposed "q with diaeresis" exists: the font draws q and the accent as two glyphs.
    let mut d = data(DocumentKind::A1, CertificateLanguage::Fr);
    d.holder.family_name = "Aq\u{308}a".into();
    d.holder.address = "Aquaduct 1, 4700 Eupen, BE".into();
    let text = text_of(&render(&d).unwrap());
    assert!(text.contains("Aquaduct"), "the plain q stays plain:\n{text}");
    assert!(text.contains("q\u{308}") || text.contains("q̈"), "the accent is kept:\n{text}");
}

#[test]
fn every_place_of_work_is_listed_even_past_the_first_page() {
    let mut d = data(DocumentKind::A1, CertificateLanguage::Fr);
    d.places = (1..=45)
        .map(|i| PlaceLine {
            country: Country::parse("FR").unwrap(),
            name: format!("Chantier numéro {i}"),
            details: format!("Rue du Port {i}, Marseille"),
        })
        .collect();
    let pdf = render(&d).unwrap();
    let dir = std::env::temp_dir().join(format!("wabro-pages-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("long.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let run = |cmd: &str, args: &[&str]| {
        let out = Command::new(cmd).args(args).arg(&path).output().expect(cmd);
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
    };
    let info = run("pdfinfo", &[]);
    let pages: usize =
        info.lines().find_map(|l| l.strip_prefix("Pages:")).and_then(|n| n.trim().parse().ok()).unwrap_or(0);
    assert!(pages >= 2, "{info}");
    let text = text_of(&pdf);
    for i in 1..=45 {
        assert!(text.contains(&format!("Chantier numéro {i} ")), "place {i} is missing:\n{text}");
    }
    assert!(
        text.contains(&format!("Page 1 sur {pages}")) && text.contains(&format!("Page {pages} sur {pages}"))
    );
    // The verification address closes the document, on its last page.
    assert!(text.find("Chantier numéro 45").unwrap() < text.find("Vérifier ce document").unwrap());
    let check = run("qpdf", &["--check"]);
    assert!(!check.contains("WARNING") && !check.contains("ERROR"), "{check}");
    // Each place is a paragraph of the structure, whichever page it is on; page numbers are not.
    let tree = run("pdfinfo", &["-struct-text"]);
    assert!(tree.contains("Chantier numéro 45"), "{tree}");
    assert!(!tree.contains(&format!("sur {pages}")), "page numbers are artifacts: {tree}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_field_taller_than_a_page_goes_on_line_by_line_and_long_words_are_cut() {
    let mut d = data(DocumentKind::Rejection, CertificateLanguage::Fr);
    let reason: String = (1..=700).map(|i| format!("motif{i:03} ")).collect();
    d.rejection_reason = Some(format!("{reason}FIN"));
    d.holder.address = "x".repeat(150);
    let pdf = render(&d).unwrap();
    let text = text_of(&pdf);
    let compact: String = text.split_whitespace().collect();
    for i in [1, 350, 700] {
        assert!(text.contains(&format!("motif{i:03}")), "word {i} is lost");
    }
    assert!(text.contains("FIN"), "the end of the reason is lost");
    assert!(compact.contains(&"x".repeat(150)), "the long word is cut into lines, not lost");
    let path = std::env::temp_dir().join(format!("wabro-tall-{}.pdf", std::process::id()));
    std::fs::write(&path, &pdf).unwrap();
    let info = Command::new("pdfinfo").arg(&path).output().unwrap();
    let check = Command::new("qpdf").arg("--check").arg(&path).output().unwrap();
    let _ = std::fs::remove_file(&path);
    let info = String::from_utf8_lossy(&info.stdout);
    let pages: usize =
        info.lines().find_map(|l| l.strip_prefix("Pages:")).and_then(|n| n.trim().parse().ok()).unwrap_or(0);
    assert!(pages >= 3, "{info}");
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
}
