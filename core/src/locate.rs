//! Byte offsets → 1-based line and column (in characters), for many offsets in one sweep.

/// Resolves sorted-or-not offsets with one forward pass over the text per call batch.
pub(crate) fn line_cols(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let order = crate::order::permutation(offsets.iter().map(|&o| (o as u64, 0, 0)));
    let mut out = vec![(1, 1); offsets.len()];
    let bytes = text.as_bytes();
    let (mut at, mut line, mut line_start) = (0usize, 1usize, 0usize);
    for i in order {
        let target = offsets[i].min(bytes.len());
        while at < target {
            match bytes[at..target].iter().position(|&b| b == b'\n') {
                Some(k) => {
                    at += k + 1;
                    line += 1;
                    line_start = at;
                }
                None => at = target,
            }
        }
        let col = text
            .get(line_start..target)
            .map_or(target - line_start, |s| s.chars().count())
            + 1;
        out[i] = (line, col);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::line_cols;

    #[test]
    fn lines_and_char_columns() {
        let t = "ab\n错误 x\n\nz";
        let x = t.find('x').unwrap_or(0);
        let z = t.find('z').unwrap_or(0);
        assert_eq!(
            line_cols(t, &[z, 0, x, 1]),
            vec![(4, 1), (1, 1), (2, 4), (1, 2)]
        );
    }
}
