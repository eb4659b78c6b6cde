//! One sort for the whole engine. Every `sort_by_key` on another element type links another copy
//! of the standard library's sort into the page's wasm (about 5 KB each); these helpers sort
//! (key, index) pairs with a single instantiation and then move the elements. Stable.

/// A sort key: up to three numbers, compared in order.
pub type Key = (u64, u64, u64);

/// Sorts `v` stably by `key`.
pub fn sort_by_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> Key) {
    let perm = permutation(v.iter().map(key));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(
        perm.iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// The indices that put `keys` in order, equal keys in their original order.
pub(crate) fn permutation(keys: impl Iterator<Item = Key>) -> Vec<usize> {
    let mut k: Vec<(Key, usize)> = keys.enumerate().map(|(i, k)| (k, i)).collect();
    k.sort_unstable();
    k.into_iter().map(|(_, i)| i).collect()
}

/// `usize` as a key part.
pub fn n(x: usize) -> u64 {
    x as u64
}

/// A key part that sorts `x` from largest to smallest.
pub(crate) fn desc(x: usize) -> u64 {
    u64::MAX - x as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_by_key() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |x| (x.0, 0, 0));
        assert_eq!(v, vec![(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        sort_by_key(&mut v, |x| (desc(x.0 as usize), 0, 0));
        assert_eq!(v, vec![(3, 'a'), (3, 'c'), (1, 'b'), (1, 'e'), (0, 'd')]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by_key(&mut empty, |_| (0, 0, 0));
        assert!(empty.is_empty());
        assert_eq!(
            permutation([(2, 0, 0), (1, 9, 0), (1, 2, 0)].into_iter()),
            vec![2, 1, 0]
        );
    }
}
