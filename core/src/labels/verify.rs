//! A corrected config's verification ([`Verify`]) in words: the command itself, or the
//! sentence for the Coding Plan, which refuses curl.

use crate::messages::{Msg, Wording};
use crate::report::Verify;
use crate::secrets::Masked;
use std::borrow::Cow;

impl<'a> Wording<'a> {
    /// How to check a corrected block.
    pub fn verify<'v>(&self, v: &'v Verify) -> Cow<'v, Masked> {
        match v {
            Verify::Command(c) => Cow::Borrowed(c),
            Verify::CodingPlan => {
                Cow::Owned(Masked::catalog(self.get(Msg::VerifyCodingPlan).to_string()))
            }
        }
    }
}
