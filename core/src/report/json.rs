//! The report as the contract's JSON (docs/CONTRACT.md, schema 1): the engine's [`Report`]
//! with each diagnosis's words taken from a [`Catalog`]. Field names and order are the
//! contract's; docs/report.schema.json is generated from these types.

use super::{Corrected, Diagnosis, Evidence, Facts, Fix, Report, ResetInfo, Retry, SCHEMA};
use crate::secrets::Masked;
use crate::texts::Catalog;
use crate::vocabulary::{Category, Confidence, Severity};
use serde::Serialize;

/// The report (docs/CONTRACT.md, schema 1; docs/report.schema.json is generated from these
/// types).
#[derive(Debug, Serialize)]
#[serde(rename = "Report")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReportJson<'a> {
    pub schema: u32,
    pub diagnoses: Vec<DiagnosisJson<'a>>,
    pub corrected: &'a [Corrected],
    /// What the engine read from the paste (tools, endpoints, keys masked, statuses, config,
    /// notes).
    pub facts: &'a Facts,
}

#[derive(Debug, Serialize)]
#[serde(rename = "Diagnosis")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DiagnosisJson<'a> {
    pub rule: &'static str,
    pub category: Category,
    pub severity: Severity,
    /// How sure the diagnosis is (schema 1 addition; docs/CONTRACT.md, Report).
    pub confidence: Confidence,
    pub title: &'a Masked,
    pub explanation: &'a Masked,
    pub evidence: &'a [Evidence],
    pub steps: Vec<&'a Masked>,
    pub verify: &'a Masked,
    pub sources: &'a [Masked],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<&'a Fix>,
    /// How many places in the paste matched (evidence lists at most a few).
    pub count: usize,
    /// Whether and how to retry.
    pub retry: &'a Retry,
    /// For quota windows: when the allowance comes back.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reset: Option<&'a ResetInfo>,
}

impl<'a> ReportJson<'a> {
    pub(super) fn new(report: &'a Report, catalog: &'a Catalog) -> Self {
        ReportJson {
            schema: SCHEMA,
            diagnoses: report
                .diagnoses
                .iter()
                .map(|d| DiagnosisJson::new(report, d, catalog))
                .collect(),
            corrected: &report.corrected,
            facts: &report.facts,
        }
    }
}

impl<'a> DiagnosisJson<'a> {
    fn new(report: &Report, d: &'a Diagnosis, catalog: &'a Catalog) -> Self {
        let t = report.text(catalog, d);
        DiagnosisJson {
            rule: d.rule,
            category: d.category,
            severity: d.severity,
            confidence: d.confidence,
            title: &t.title,
            explanation: &t.explanation,
            evidence: &d.evidence,
            steps: d.lead_steps.iter().chain(&t.steps).collect(),
            verify: &t.verify,
            sources: &t.sources,
            fix: d.fix.as_ref(),
            count: d.count,
            retry: &d.retry,
            reset: d.reset.as_ref(),
        }
    }
}
