//! The retry advice ([`Retry`]) in words: one sentence per kind of failure, and the queue
//! header's hint a rule may add.

use crate::messages::{Msg, Wording};
use crate::report::{Advice, Retry};
use crate::secrets::Masked;

impl<'a> Wording<'a> {
    /// Whether and how to retry, as a sentence (`retry.advice`).
    pub fn advice(&self, r: &Retry) -> Masked {
        let m = match r.advice {
            Advice::Harmless => Msg::RetryHarmless,
            Advice::RateLimit => Msg::RetryRateLimit,
            Advice::Transient => Msg::RetryTransient,
            Advice::Network => Msg::RetryNetwork,
            Advice::Quota => Msg::RetryQuota,
            Advice::Balance => Msg::RetryBalance,
            Advice::ContentPolicy => Msg::RetryContentPolicy,
            Advice::Other => Msg::RetryOther,
        };
        let mut words = self.get(m).to_string();
        if r.queue {
            words.push(' ');
            words.push_str(self.get(Msg::RetryQueue));
        }
        Masked::catalog(words)
    }
}
