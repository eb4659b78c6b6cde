//! Named pattern fragments (rules/catalog.toml `[fragment]`, written `{name:arg}` in a rule's
//! pattern) are written out by the build: no pattern keeps one, and a rule written with
//! `{status:401}` matches what the fragment says it matches.

use llmdoctor_core::{diagnose, rule, Options, RULES};

#[test]
fn no_pattern_keeps_a_fragment_call() {
    for r in RULES {
        for p in r.patterns {
            assert!(!p.contains("{status:"), "{}: {p}", r.id);
        }
    }
}

#[test]
fn a_status_fragment_reads_the_status_in_its_usual_wordings() {
    let Some(r) = rule("generic-401-unauthorized") else {
        panic!("generic-401-unauthorized is gone");
    };
    assert!(
        r.patterns.iter().any(|p| p.ends_with("401(?-u:\\b)")),
        "{:?}",
        r.patterns
    );
    for text in [
        "Error code: 401",
        "HTTP/1.1 401 Unauthorized",
        "{\\\"code\\\":401,\\\"message\\\":\\\"denied\\\"}",
        "status 401",
    ] {
        let d = diagnose(text, &Options::default());
        assert!(
            d.diagnoses.iter().any(|d| d.category.as_str() == "auth"),
            "{text}: {:?}",
            d.diagnoses.iter().map(|d| d.rule).collect::<Vec<_>>()
        );
    }
    // A 401 that is not a status: nothing.
    let d = diagnose("see section 4010 of the manual", &Options::default());
    assert!(d.diagnoses.iter().all(|d| d.category.as_str() != "auth"));
}
