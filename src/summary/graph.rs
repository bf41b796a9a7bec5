//! Sentence centrality: PageRank over a weighted similarity graph (TextRank/LexRank).

use crate::groups::Groups;

/// Sentences as sets of term ids (sorted, without repeats).
pub type TermSet = Vec<u32>;

/// Sorted, deduplicated term ids.
pub fn term_set(mut ids: Vec<u32>) -> TermSet {
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// How many ids two sorted sets share (a linear merge).
pub fn shared_terms(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// Jaccard similarity of two term sets; 0 when both are empty.
pub fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    let shared = shared_terms(a, b);
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

/// Cosine similarity of two sets seen as binary vectors.
pub fn cosine(a: &[u32], b: &[u32]) -> f64 {
    cosine_of(shared_terms(a, b), a.len(), b.len())
}

/// The cosine of two sets of `a` and `b` terms that share `shared`: 0 when either is empty.
fn cosine_of(shared: usize, a: usize, b: usize) -> f64 {
    if a == 0 || b == 0 {
        return 0.0;
    }
    shared as f64 / ((a * b) as f64).sqrt()
}

/// The [`cosine`] similarity of every pair of `sets`, as a full symmetric matrix (row-major,
/// zero on the diagonal).
///
/// The shared terms of all pairs are counted from the sentences each term occurs in: a term
/// met in k sets adds one to k(k-1)/2 pairs, which over an article is far less work than
/// merging every pair of sets (n(n-1)/2 merges of 10–30 terms each).
pub fn cosine_matrix(sets: &[TermSet]) -> Vec<f64> {
    let n = sets.len();
    let shared = shared_counts(sets);
    let mut matrix = vec![0.0; n * n];
    for (i, a) in sets.iter().enumerate() {
        for (j, b) in sets.iter().enumerate().skip(i + 1) {
            let count = shared.get(i * n + j).copied().unwrap_or(0);
            if count == 0 {
                continue;
            }
            let similarity = cosine_of(count as usize, a.len(), b.len());
            if let Some(cell) = matrix.get_mut(i * n + j) {
                *cell = similarity;
            }
            if let Some(cell) = matrix.get_mut(j * n + i) {
                *cell = similarity;
            }
        }
    }
    matrix
}

/// How many terms sets i < j share, at `i * n + j` (n × n, only above the diagonal).
fn shared_counts(sets: &[TermSet]) -> Vec<u32> {
    let n = sets.len();
    // The sets each term occurs in, in order.
    let terms = sets.iter().flatten().max().map_or(0, |&id| id as usize + 1);
    let holders = Groups::new(terms, || {
        sets.iter()
            .enumerate()
            .flat_map(|(index, set)| set.iter().map(move |&id| (id, index as u32)))
    });
    let mut shared = vec![0u32; n * n];
    for term in 0..terms as u32 {
        let list = holders.of(term);
        for (k, &i) in list.iter().enumerate() {
            for &j in list.get(k + 1..).unwrap_or(&[]) {
                if let Some(count) = shared.get_mut(i as usize * n + j as usize) {
                    *count += 1;
                }
            }
        }
    }
    shared
}

/// PageRank of an undirected weighted graph given as a full symmetric matrix (row-major,
/// `n × n`): each node passes its score to its neighbours in proportion to edge weight.
/// A node without edges keeps only the teleport share. Returns scores summing to ~n.
pub fn pagerank(weights: &[f64], n: usize, damping: f64) -> Vec<f64> {
    const ITERATIONS: usize = 50;
    const TOLERANCE: f64 = 1e-6;
    // Each row a slice of `n` (one bounds check a row, not one a cell: the loops below
    // compile to vector instructions natively).
    let row = |index: usize| weights.get(index * n..(index + 1) * n).unwrap_or(&[]);
    let row_sums: Vec<f64> = (0..n).map(|index| row(index).iter().sum()).collect();
    let mut scores = vec![1.0; n];
    // One buffer for the next scores, refilled each iteration rather than made anew.
    let mut next = vec![0.0; n];
    for _ in 0..ITERATIONS {
        next.fill(1.0 - damping);
        for (from, &score) in scores.iter().enumerate() {
            let out = row_sums.get(from).copied().unwrap_or(0.0);
            if out <= 0.0 {
                continue;
            }
            let share = damping * score / out;
            for (target, &weight) in next.iter_mut().zip(row(from)) {
                *target += share * weight;
            }
        }
        let change: f64 = next.iter().zip(&scores).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut scores, &mut next);
        if change < TOLERANCE * n as f64 {
            break;
        }
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_similarities() {
        let a = term_set(vec![3, 1, 2, 2]);
        let b = term_set(vec![2, 3, 4]);
        assert_eq!(a, [1, 2, 3]);
        assert_eq!(shared_terms(&a, &b), 2);
        assert!((jaccard(&a, &b) - 0.5).abs() < 1e-9);
        assert!((cosine(&a, &b) - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(jaccard(&[], &[]), 0.0);
    }

    #[test]
    fn the_matrix_holds_the_cosine_of_every_pair() {
        let sets: Vec<TermSet> = [
            vec![1, 2, 3],
            vec![],
            vec![2, 3, 4, 9],
            vec![7],
            vec![1, 7, 9],
        ]
        .into_iter()
        .map(term_set)
        .collect();
        let n = sets.len();
        let matrix = cosine_matrix(&sets);
        for (i, a) in sets.iter().enumerate() {
            for (j, b) in sets.iter().enumerate() {
                let expected = if i == j { 0.0 } else { cosine(a, b) };
                // Bit for bit: the summary's ranking must not move.
                assert_eq!(matrix[i * n + j].to_bits(), expected.to_bits(), "{i} {j}");
            }
        }
        assert!(cosine_matrix(&[]).is_empty());
    }

    #[test]
    fn the_hub_of_a_star_ranks_first() {
        // Node 0 is linked to 1, 2 and 3, which are not linked to each other.
        let n = 4;
        let mut weights = vec![0.0; n * n];
        for leaf in 1..n {
            weights[leaf] = 1.0;
            weights[leaf * n] = 1.0;
        }
        let scores = pagerank(&weights, n, 0.85);
        assert!(scores[0] > scores[1] && (scores[1] - scores[3]).abs() < 1e-6);
        assert!(pagerank(&[], 0, 0.85).is_empty());
    }
}
