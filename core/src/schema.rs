//! The report's JSON Schema (docs/report.schema.json), generated from the report's types
//! (feature `schema`: the derives are never compiled into the page). cli/tests/schema.rs fails
//! when the checked-in file differs from [`report_schema`], and validates the CLI's output for
//! every corpus paste against it.

/// The schema of [`crate::Report::json`] as pretty-printed JSON, ending in a line feed.
pub fn report_schema() -> String {
    let schema = schemars::schema_for!(crate::report::ReportJson<'static>);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
