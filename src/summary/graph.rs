//! Sentence centrality: PageRank over a weighted similarity graph (TextRank/LexRank).

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
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    shared_terms(a, b) as f64 / ((a.len() * b.len()) as f64).sqrt()
}

/// PageRank of an undirected weighted graph given as a full symmetric matrix (row-major,
/// `n × n`): each node passes its score to its neighbours in proportion to edge weight.
/// A node without edges keeps only the teleport share. Returns scores summing to ~n.
pub fn pagerank(weights: &[f64], n: usize, damping: f64) -> Vec<f64> {
    const ITERATIONS: usize = 50;
    const TOLERANCE: f64 = 1e-6;
    let row_sums: Vec<f64> = (0..n)
        .map(|row| weights.iter().skip(row * n).take(n).sum())
        .collect();
    let mut scores = vec![1.0; n];
    for _ in 0..ITERATIONS {
        let mut next = vec![1.0 - damping; n];
        for (from, &score) in scores.iter().enumerate() {
            let out = row_sums.get(from).copied().unwrap_or(0.0);
            if out <= 0.0 {
                continue;
            }
            let share = damping * score / out;
            let row = weights.iter().skip(from * n).take(n);
            for (target, &weight) in next.iter_mut().zip(row) {
                *target += share * weight;
            }
        }
        let change: f64 = next.iter().zip(&scores).map(|(a, b)| (a - b).abs()).sum();
        scores = next;
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
