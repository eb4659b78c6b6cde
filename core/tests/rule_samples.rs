//! Every rule's own samples, through the real engine: a positive sample must make the rule fire
//! (before ranking), a negative one must not. Failures name the file and the rule.

include!(concat!(env!("OUT_DIR"), "/samples_gen.rs"));

#[test]
fn every_rule_sample_holds() {
    let mut failures = Vec::new();
    for &(id, text, expect) in SAMPLES {
        let fired = llmdoctor_core::testing::fired(text).contains(&id);
        if fired != expect {
            let file = llmdoctor_core::rule(id).map_or("?", |r| r.file);
            let what = if expect {
                "should fire but does not"
            } else {
                "fires but should not"
            };
            failures.push(format!("{file}: rule `{id}` {what} on sample:\n    {text}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing rule samples:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_both_kinds_of_sample() {
    for r in llmdoctor_core::RULES {
        let pos = SAMPLES.iter().any(|&(id, _, e)| id == r.id && e);
        let neg = SAMPLES.iter().any(|&(id, _, e)| id == r.id && !e);
        assert!(
            pos && neg,
            "{}: rule `{}` needs positive and negative samples",
            r.file,
            r.id
        );
    }
}

#[test]
fn every_check_is_named_by_a_rule_and_every_named_check_exists() {
    let names: Vec<&str> = llmdoctor_core::testing::CHECKS
        .iter()
        .map(|(n, _)| *n)
        .collect();
    for r in llmdoctor_core::RULES {
        if let Some(c) = r.check {
            assert!(
                names.contains(&c),
                "{}: rule `{}` names unknown check `{c}`; known: {}",
                r.file,
                r.id,
                names.join(", ")
            );
        }
    }
    for n in names {
        assert!(
            llmdoctor_core::RULES.iter().any(|r| r.check == Some(n)),
            "check `{n}` is not used by any rule"
        );
    }
}
