//! Pure statistics used by scoring, flags and the evidence pack.
//!
//! Nothing here knows about candidates, panels or the database: every function takes plain
//! numbers and returns `Option<f64>`. `None` means "undefined for this input", never "zero":
//! a reliability figure that cannot be computed must not be shown as one that was.
//!
//! Conventions shared by every function:
//! - Sums are accumulated in `f64`.
//! - Non-finite input (NaN or ±infinity) is invalid and yields `None`; we never propagate NaN
//!   into a figure that could end up in an appeal pack.
//! - A result that would itself be non-finite (for example through overflow) yields `None`.
//! - Nothing panics, whatever the shape of the input.

/// Relative size below which a variance-like denominator is treated as zero.
///
/// ANOVA terms that are exactly zero in theory come out as rounding noise in floating point
/// (of order `(N·ε)²` relative to the data's total mean square). Dividing by that noise would
/// produce a confident-looking but meaningless coefficient, so denominators at or below this
/// fraction of the total mean square are reported as undefined instead. `1e-16` sits far above
/// the noise for any realistic table and far below any genuine variance in interview scores.
const NEGLIGIBLE: f64 = 1e-16;

/// Returns `Some(x)` only when `x` is finite.
fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// Arithmetic mean. `None` for empty input, any non-finite value, or overflow.
pub fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() || values.iter().any(|v| !v.is_finite()) {
        return None;
    }
    finite(values.iter().sum::<f64>() / values.len() as f64)
}

/// Sample standard deviation, `sqrt(Σ(x − x̄)² / (n − 1))` (Bessel's correction).
///
/// Computed in two passes (mean first, then squared deviations) rather than from `Σx²`, which
/// loses precision when the values are large relative to their spread. `None` for fewer than
/// two values, any non-finite value, or overflow.
pub fn sample_std_dev(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let m = mean(values)?;
    let ss: f64 = values.iter().map(|v| (v - m) * (v - m)).sum();
    finite((ss / (values.len() - 1) as f64).sqrt())
}

/// Range of the values, `max − min`. `Some(0.0)` for a single value; `None` for empty input,
/// any non-finite value, or overflow.
pub fn spread(values: &[f64]) -> Option<f64> {
    if values.is_empty() || values.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    finite(max - min)
}

/// Leniency of one assessor: the mean of `(assessor score − agreed score)` over `pairs`.
///
/// Positive means the assessor scored above the moderated/agreed mark on average (lenient),
/// negative means below (severe). `None` with no pairs, any non-finite score, or overflow.
pub fn leniency(pairs: impl IntoIterator<Item = (f64, f64)>) -> Option<f64> {
    let mut sum = 0.0_f64;
    let mut count = 0_usize;
    for (assessor, agreed) in pairs {
        if !assessor.is_finite() || !agreed.is_finite() {
            return None;
        }
        sum += assessor - agreed;
        count += 1;
    }
    if count == 0 {
        return None;
    }
    finite(sum / count as f64)
}

/// Mean squares of the two-way ANOVA behind the Shrout & Fleiss (1979) ICCs.
///
/// With `n` targets (rows), `k` raters (columns), row means `x̄ᵢ.`, column means `x̄.ⱼ` and grand
/// mean `x̄`:
/// - `bms` (between targets) = `k·Σᵢ(x̄ᵢ. − x̄)² / (n − 1)`
/// - `jms` (between judges)  = `n·Σⱼ(x̄.ⱼ − x̄)² / (k − 1)`
/// - `ems` (residual)        = `Σᵢⱼ(xᵢⱼ − x̄ᵢ. − x̄.ⱼ + x̄)² / ((n − 1)(k − 1))`
/// - `wms` (within targets)  = `Σᵢⱼ(xᵢⱼ − x̄ᵢ.)² / (n(k − 1))`
///
/// Source: Shrout, P. E. & Fleiss, J. L. (1979), "Intraclass correlations: uses in assessing
/// rater reliability", *Psychological Bulletin* 86(2), 420–428.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MeanSquares {
    /// Number of targets (rows), `n`.
    pub targets: usize,
    /// Number of raters (columns), `k`.
    pub raters: usize,
    /// Between-targets mean square, BMS.
    pub bms: f64,
    /// Within-target mean square, WMS (raters and residual pooled).
    pub wms: f64,
    /// Between-judges (raters) mean square, JMS.
    pub jms: f64,
    /// Residual (error) mean square, EMS.
    pub ems: f64,
}

impl MeanSquares {
    /// Computes the mean squares for `ratings` (rows are targets, columns raters).
    ///
    /// `None` unless there are at least two rows, every row has the same length `k ≥ 2`, and
    /// every rating is finite.
    pub fn from_ratings(ratings: &[Vec<f64>]) -> Option<Self> {
        let n = ratings.len();
        let k = ratings.first()?.len();
        if n < 2 || k < 2 || ratings.iter().any(|row| row.len() != k) {
            return None;
        }
        if ratings.iter().flatten().any(|x| !x.is_finite()) {
            return None;
        }
        // The ANOVA is shift-invariant, so work on deviations from the first rating: constant
        // data then becomes exact zeros and large offsets do not swamp small differences.
        let origin = ratings[0][0];
        let x = |i: usize, j: usize| ratings[i][j] - origin;

        let (nf, kf) = (n as f64, k as f64);
        let row_means: Vec<f64> = (0..n)
            .map(|i| (0..k).map(|j| x(i, j)).sum::<f64>() / kf)
            .collect();
        let col_means: Vec<f64> = (0..k)
            .map(|j| (0..n).map(|i| x(i, j)).sum::<f64>() / nf)
            .collect();
        let grand = row_means.iter().sum::<f64>() / nf;

        let ss_rows = kf * row_means.iter().map(|r| (r - grand).powi(2)).sum::<f64>();
        let ss_cols = nf * col_means.iter().map(|c| (c - grand).powi(2)).sum::<f64>();
        // The residual is summed directly (not as SST − SSR − SSC) so it can never go negative
        // through cancellation.
        let ss_error: f64 = (0..n)
            .flat_map(|i| (0..k).map(move |j| (i, j)))
            .map(|(i, j)| (x(i, j) - row_means[i] - col_means[j] + grand).powi(2))
            .sum();

        let ms = Self {
            targets: n,
            raters: k,
            bms: ss_rows / (nf - 1.0),
            wms: (ss_cols + ss_error) / (nf * (kf - 1.0)),
            jms: ss_cols / (kf - 1.0),
            ems: ss_error / ((nf - 1.0) * (kf - 1.0)),
        };
        [ms.bms, ms.wms, ms.jms, ms.ems]
            .iter()
            .all(|v| v.is_finite())
            .then_some(ms)
    }

    /// Total mean square, `SST / (nk − 1)`: the scale against which denominators are judged.
    fn total(&self) -> f64 {
        let (n, k) = (self.targets as f64, self.raters as f64);
        ((n - 1.0) * self.bms + (k - 1.0) * self.jms + (n - 1.0) * (k - 1.0) * self.ems)
            / (n * k - 1.0)
    }

    /// `numerator / denominator`, or `None` when the denominator is zero up to rounding noise.
    fn ratio(&self, numerator: f64, denominator: f64) -> Option<f64> {
        if denominator <= NEGLIGIBLE * self.total() {
            return None;
        }
        finite(numerator / denominator)
    }

    /// ICC(1,1): one-way random effects, single rater.
    /// `(BMS − WMS) / (BMS + (k − 1)·WMS)` (Shrout & Fleiss 1979, Case 1).
    pub fn icc_1_1(&self) -> Option<f64> {
        let k = self.raters as f64;
        self.ratio(self.bms - self.wms, self.bms + (k - 1.0) * self.wms)
    }

    /// ICC(2,1): two-way random effects, single rater, absolute agreement.
    /// `(BMS − EMS) / (BMS + (k − 1)·EMS + k·(JMS − EMS)/n)` (Shrout & Fleiss 1979, Case 2).
    pub fn icc_2_1(&self) -> Option<f64> {
        let (n, k) = (self.targets as f64, self.raters as f64);
        self.ratio(
            self.bms - self.ems,
            self.bms + (k - 1.0) * self.ems + k * (self.jms - self.ems) / n,
        )
    }

    /// ICC(3,1): two-way mixed effects, single rater, consistency.
    /// `(BMS − EMS) / (BMS + (k − 1)·EMS)` (Shrout & Fleiss 1979, Case 3).
    pub fn icc_3_1(&self) -> Option<f64> {
        let k = self.raters as f64;
        self.ratio(self.bms - self.ems, self.bms + (k - 1.0) * self.ems)
    }
}

/// Shrout & Fleiss (1979) ICC(1,1), one-way random effects, single rater. Rows are targets,
/// columns raters; see [`MeanSquares::icc_1_1`]. `None` for fewer than 2 rows or raters,
/// ragged rows, non-finite ratings, or a zero denominator (no variance).
pub fn icc_1_1(ratings: &[Vec<f64>]) -> Option<f64> {
    MeanSquares::from_ratings(ratings)?.icc_1_1()
}

/// Shrout & Fleiss (1979) ICC(2,1), two-way random effects, single rater, absolute agreement.
/// Rows are targets, columns raters; see [`MeanSquares::icc_2_1`]. `None` for fewer than 2 rows
/// or raters, ragged rows, non-finite ratings, or a zero denominator (no variance).
pub fn icc_2_1(ratings: &[Vec<f64>]) -> Option<f64> {
    MeanSquares::from_ratings(ratings)?.icc_2_1()
}

/// Shrout & Fleiss (1979) ICC(3,1), two-way mixed effects, single rater, consistency. Rows are
/// targets, columns raters; see [`MeanSquares::icc_3_1`]. `None` for fewer than 2 rows or
/// raters, ragged rows, non-finite ratings, or a zero denominator.
pub fn icc_3_1(ratings: &[Vec<f64>]) -> Option<f64> {
    MeanSquares::from_ratings(ratings)?.icc_3_1()
}

/// Level of measurement for [`krippendorff_alpha`], which fixes the distance `δ²(c, k)`
/// between two values (Krippendorff 2011).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Metric {
    /// Categories: `δ² = 0` if `c = k`, else `1`.
    Nominal,
    /// Ranks: `δ² = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²`, using the coincidence-matrix margins.
    Ordinal,
    /// Equal intervals: `δ² = (c − k)²`.
    Interval,
    /// Ratios with an absolute zero: `δ² = ((c − k)/(c + k))²`. Values must be non-negative.
    Ratio,
}

/// Coincidence matrix of pairable values (Krippendorff 2011).
struct Coincidences {
    /// Distinct pairable values, ascending.
    values: Vec<f64>,
    /// `o[c][k]`: Σ over units of (number of c–k pairs in the unit) / (m_u − 1).
    o: Vec<Vec<f64>>,
    /// Margins `n_c = Σ_k o[c][k]`.
    margins: Vec<f64>,
    /// Total number of pairable values, `n = Σ_c n_c`.
    total: f64,
}

impl Coincidences {
    /// Builds the matrix; `None` if any value is non-finite. Units with fewer than two values
    /// are skipped (they contain no pairs and so carry no information about agreement).
    fn from_units(units: &[Vec<Option<f64>>]) -> Option<Self> {
        // `+ 0.0` folds -0.0 into 0.0 so both land in the same category.
        let pairable: Vec<Vec<f64>> = units
            .iter()
            .map(|unit| unit.iter().flatten().map(|v| v + 0.0).collect::<Vec<f64>>())
            .filter(|unit| unit.len() >= 2)
            .collect();
        if pairable.iter().flatten().any(|v| !v.is_finite()) {
            return None;
        }
        let mut values: Vec<f64> = pairable.iter().flatten().copied().collect();
        values.sort_by(f64::total_cmp);
        values.dedup();
        let index = |v: f64| values.binary_search_by(|p| p.total_cmp(&v)).ok();

        let size = values.len();
        let mut o = vec![vec![0.0_f64; size]; size];
        for unit in &pairable {
            let mut counts = vec![0.0_f64; size];
            for &v in unit {
                counts[index(v)?] += 1.0;
            }
            // Each ordered pair of distinct positions (i ≠ j) adds 1/(m_u − 1): counts of
            // c–k pairs are n_uc·n_uk for c ≠ k and n_uc·(n_uc − 1) for c = k.
            let weight = 1.0 / (unit.len() as f64 - 1.0);
            for c in 0..size {
                for k in 0..size {
                    let pairs = counts[c] * (counts[k] - if c == k { 1.0 } else { 0.0 });
                    o[c][k] += pairs * weight;
                }
            }
        }
        let margins: Vec<f64> = o.iter().map(|row| row.iter().sum()).collect();
        let total = margins.iter().sum();
        Some(Self {
            values,
            o,
            margins,
            total,
        })
    }

    /// `δ²(c, k)` between the values at indices `c` and `k`.
    fn delta2(&self, metric: Metric, c: usize, k: usize) -> f64 {
        let (vc, vk) = (self.values[c], self.values[k]);
        match metric {
            Metric::Nominal => {
                if c == k {
                    0.0
                } else {
                    1.0
                }
            }
            Metric::Ordinal => {
                let (lo, hi) = if c <= k { (c, k) } else { (k, c) };
                let between: f64 = self.margins[lo..=hi].iter().sum();
                (between - (self.margins[c] + self.margins[k]) / 2.0).powi(2)
            }
            Metric::Interval => (vc - vk).powi(2),
            Metric::Ratio => {
                // Both zero is the only way to get c + k = 0 with non-negative values, and
                // then c = k, so the distance is 0.
                if c == k {
                    0.0
                } else {
                    ((vc - vk) / (vc + vk)).powi(2)
                }
            }
        }
    }
}

/// Krippendorff's alpha, `α = 1 − D_o / D_e`, for any number of coders with missing data.
///
/// `units` holds one row per unit (item rated); each row holds one entry per coder, `None`
/// where that coder gave no value. Computed from the coincidence matrix `o_ck` with margins
/// `n_c` and `n = Σ n_c` pairable values:
///
/// `α = 1 − (n − 1) · Σ_ck o_ck δ²_ck / Σ_ck n_c n_k δ²_ck`
///
/// Source: Krippendorff, K. (2011), "Computing Krippendorff's Alpha-Reliability", University
/// of Pennsylvania; δ² as defined on [`Metric`].
///
/// Units with fewer than two values are dropped. Returns `None` when alpha is undefined:
/// fewer than two pairable values, no variation (only one distinct value, so `D_e = 0`), any
/// non-finite value, or a negative value under [`Metric::Ratio`].
pub fn krippendorff_alpha(units: &[Vec<Option<f64>>], metric: Metric) -> Option<f64> {
    let m = Coincidences::from_units(units)?;
    if m.total < 2.0 || m.values.len() < 2 {
        return None;
    }
    if metric == Metric::Ratio && m.values[0] < 0.0 {
        return None;
    }
    let size = m.values.len();
    let (mut observed, mut expected) = (0.0_f64, 0.0_f64);
    for c in 0..size {
        for k in 0..size {
            let d = m.delta2(metric, c, k);
            observed += m.o[c][k] * d;
            expected += m.margins[c] * m.margins[k] * d;
        }
    }
    if expected <= 0.0 {
        return None;
    }
    finite(1.0 - (m.total - 1.0) * observed / expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_close(actual: Option<f64>, expected: f64, tolerance: f64) {
        let actual = actual.expect("expected a defined value, got None");
        assert!(
            (actual - expected).abs() <= tolerance,
            "got {actual}, expected {expected} ± {tolerance}"
        );
    }

    /// Shrout & Fleiss (1979), Table 2: 6 targets (rows) rated by 4 judges (columns).
    fn shrout_fleiss_table_2() -> Vec<Vec<f64>> {
        vec![
            vec![9.0, 2.0, 5.0, 8.0],
            vec![6.0, 1.0, 3.0, 2.0],
            vec![8.0, 4.0, 6.0, 8.0],
            vec![7.0, 1.0, 2.0, 6.0],
            vec![10.0, 5.0, 6.0, 9.0],
            vec![6.0, 2.0, 4.0, 7.0],
        ]
    }

    #[test]
    fn mean_squares_match_shrout_fleiss_table_2() {
        // Published ANOVA (Shrout & Fleiss 1979, Table 2): BMS 11.24, WMS 6.26, JMS 32.49,
        // EMS 1.02, given to 2 decimals.
        let ms = MeanSquares::from_ratings(&shrout_fleiss_table_2()).unwrap();
        assert_eq!((ms.targets, ms.raters), (6, 4));
        assert_close(Some(ms.bms), 11.24, 0.005);
        assert_close(Some(ms.wms), 6.26, 0.005);
        assert_close(Some(ms.jms), 32.49, 0.005);
        assert_close(Some(ms.ems), 1.02, 0.005);
    }

    #[test]
    fn iccs_match_shrout_fleiss_table_2() {
        // Published single-rater ICCs for the Table 2 data (Shrout & Fleiss 1979):
        // ICC(1,1) = .17, ICC(2,1) = .29, ICC(3,1) = .71.
        let data = shrout_fleiss_table_2();
        assert_close(icc_1_1(&data), 0.17, 0.005);
        assert_close(icc_2_1(&data), 0.29, 0.005);
        assert_close(icc_3_1(&data), 0.71, 0.005);
    }

    #[test]
    fn iccs_are_invariant_to_shifting_all_ratings() {
        // The ANOVA uses only deviations, so adding a constant (even a large one) must not
        // change any ICC.
        let data = shrout_fleiss_table_2();
        let shifted: Vec<Vec<f64>> = data
            .iter()
            .map(|row| row.iter().map(|x| x + 1.0e6).collect())
            .collect();
        for f in [icc_1_1, icc_2_1, icc_3_1] {
            assert_close(f(&shifted), f(&data).unwrap(), 1e-9);
        }
    }

    #[test]
    fn perfect_agreement_gives_icc_of_one() {
        let data = vec![vec![1.0, 1.0], vec![3.0, 3.0], vec![4.0, 4.0]];
        assert_close(icc_1_1(&data), 1.0, 1e-12);
        assert_close(icc_2_1(&data), 1.0, 1e-12);
        assert_close(icc_3_1(&data), 1.0, 1e-12);
    }

    #[test]
    fn icc_is_undefined_for_bad_shapes() {
        assert_eq!(icc_2_1(&[]), None);
        assert_eq!(icc_2_1(&[vec![1.0, 2.0]]), None, "one target");
        assert_eq!(icc_2_1(&[vec![1.0], vec![2.0]]), None, "one rater");
        assert_eq!(icc_2_1(&[vec![1.0, 2.0], vec![3.0]]), None, "ragged");
        assert_eq!(icc_2_1(&[vec![], vec![]]), None, "no raters");
    }

    #[test]
    fn icc_rejects_non_finite_ratings() {
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let data = vec![vec![1.0, 2.0], vec![3.0, bad]];
            assert_eq!(MeanSquares::from_ratings(&data), None);
            assert_eq!(icc_1_1(&data), None);
            assert_eq!(icc_2_1(&data), None);
            assert_eq!(icc_3_1(&data), None);
        }
    }

    #[test]
    fn icc_is_undefined_without_variance() {
        // 0.1 is not exactly representable, so a computation from Σx or raw means could leave
        // rounding noise in the mean squares; constant data must be undefined, not noise/noise.
        for value in [0.0, 3.0, 0.1] {
            let data = vec![vec![value; 3]; 4];
            assert_eq!(icc_1_1(&data), None, "value {value}");
            assert_eq!(icc_2_1(&data), None, "value {value}");
            assert_eq!(icc_3_1(&data), None, "value {value}");
        }
    }

    #[test]
    fn icc_3_1_is_undefined_when_only_raters_differ() {
        // Every target gets the same profile (rater j always gives step·j + 0.3), so in exact
        // arithmetic BMS = EMS = 0 and the consistency ICC is 0/0, while ICC(2,1) is defined
        // (raters disagree in level, targets are indistinguishable: no agreement). In f64 these
        // cases leave ~1e-32 of rounding noise in BMS/EMS; without the NEGLIGIBLE guard
        // ICC(3,1) came out as -0.33 or 0.33.
        for (targets, step) in [(3, 0.1), (5, 0.3), (6, 0.7)] {
            let profile: Vec<f64> = (0..4).map(|j| step * j as f64 + 0.3).collect();
            let data = vec![profile; targets];
            assert_eq!(icc_3_1(&data), None, "{targets} targets, step {step}");
            assert_close(icc_2_1(&data), 0.0, 1e-12);
        }
    }

    /// Krippendorff (2011), worked example with missing values:
    /// 4 observers (A–D) × 12 units, transposed here into one row per unit.
    fn krippendorff_2011_example() -> Vec<Vec<Option<f64>>> {
        const MISSING: f64 = -1.0;
        let observers: [[f64; 12]; 4] = [
            [
                1., 2., 3., 3., 2., 1., 4., 1., 2., MISSING, MISSING, MISSING,
            ],
            [1., 2., 3., 3., 2., 2., 4., 1., 2., 5., MISSING, 3.],
            [MISSING, 3., 3., 3., 2., 3., 4., 2., 2., 5., 1., MISSING],
            [1., 2., 3., 3., 2., 4., 4., 1., 2., 5., 1., MISSING],
        ];
        (0..12)
            .map(|unit| {
                observers
                    .iter()
                    .map(|row| Some(row[unit]).filter(|&v| v != MISSING))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn coincidence_margins_match_krippendorff_2011() {
        // Krippendorff (2011) tabulates the example's coincidences: margins n_1..n_5 =
        // 9, 13, 10, 5, 3 and n = 40 pairable values (unit 12 has one value and is dropped).
        let m = Coincidences::from_units(&krippendorff_2011_example()).unwrap();
        assert_eq!(m.values, vec![1.0, 2.0, 3.0, 4.0, 5.0]);
        for (actual, expected) in m.margins.iter().zip([9.0, 13.0, 10.0, 5.0, 3.0]) {
            assert_close(Some(*actual), expected, 1e-9);
        }
        assert_close(Some(m.total), 40.0, 1e-9);
        // Spot-check cells from the paper's matrix: o_11 = 7, o_12 = 4/3, o_55 = 3.
        assert_close(Some(m.o[0][0]), 7.0, 1e-9);
        assert_close(Some(m.o[0][1]), 4.0 / 3.0, 1e-9);
        assert_close(Some(m.o[4][4]), 3.0, 1e-9);
    }

    #[test]
    fn alpha_matches_krippendorff_2011_for_every_metric() {
        // Published (Krippendorff 2011): nominal .743, ordinal .815, interval .849, ratio .797.
        let units = krippendorff_2011_example();
        assert_close(krippendorff_alpha(&units, Metric::Nominal), 0.743, 0.0005);
        assert_close(krippendorff_alpha(&units, Metric::Ordinal), 0.815, 0.0005);
        assert_close(krippendorff_alpha(&units, Metric::Interval), 0.849, 0.0005);
        assert_close(krippendorff_alpha(&units, Metric::Ratio), 0.797, 0.0005);
    }

    #[test]
    fn alpha_ignores_unpairable_units_and_coder_order() {
        let units = krippendorff_2011_example();
        let mut padded = units.clone();
        padded.push(vec![Some(99.0), None, None, None]);
        padded.push(vec![None; 4]);
        padded.push(vec![]);
        let reversed: Vec<Vec<Option<f64>>> = units
            .iter()
            .map(|u| u.iter().rev().copied().collect())
            .collect();
        for metric in [
            Metric::Nominal,
            Metric::Ordinal,
            Metric::Interval,
            Metric::Ratio,
        ] {
            let base = krippendorff_alpha(&units, metric).unwrap();
            assert_close(krippendorff_alpha(&padded, metric), base, 1e-12);
            assert_close(krippendorff_alpha(&reversed, metric), base, 1e-12);
        }
    }

    #[test]
    fn alpha_is_one_for_perfect_agreement() {
        let units = vec![
            vec![Some(1.0), Some(1.0), None],
            vec![Some(2.0), Some(2.0), Some(2.0)],
            vec![None, Some(4.0), Some(4.0)],
        ];
        for metric in [
            Metric::Nominal,
            Metric::Ordinal,
            Metric::Interval,
            Metric::Ratio,
        ] {
            assert_close(krippendorff_alpha(&units, metric), 1.0, 1e-12);
        }
    }

    #[test]
    fn alpha_is_undefined_without_pairable_values_or_variation() {
        let no_pairs = vec![
            vec![Some(1.0), None],
            vec![None, Some(2.0)],
            vec![None, None],
        ];
        assert_eq!(krippendorff_alpha(&no_pairs, Metric::Nominal), None);
        assert_eq!(krippendorff_alpha(&[], Metric::Interval), None);
        // Everyone always gives 3: nothing to disagree about, so D_e = 0.
        let constant = vec![vec![Some(3.0), Some(3.0)], vec![Some(3.0), Some(3.0)]];
        assert_eq!(krippendorff_alpha(&constant, Metric::Interval), None);
    }

    #[test]
    fn alpha_rejects_invalid_values() {
        let nan = vec![vec![Some(1.0), Some(f64::NAN)], vec![Some(2.0), Some(2.0)]];
        assert_eq!(krippendorff_alpha(&nan, Metric::Nominal), None);
        let inf = vec![
            vec![Some(1.0), Some(f64::INFINITY)],
            vec![Some(2.0), Some(2.0)],
        ];
        assert_eq!(krippendorff_alpha(&inf, Metric::Interval), None);
        // The ratio metric assumes an absolute zero; negative values are outside its domain,
        // though the same data is fine as interval.
        let negative = vec![vec![Some(-1.0), Some(1.0)], vec![Some(2.0), Some(2.0)]];
        assert_eq!(krippendorff_alpha(&negative, Metric::Ratio), None);
        assert!(krippendorff_alpha(&negative, Metric::Interval).is_some());
    }

    #[test]
    fn ratio_alpha_treats_negative_zero_as_zero() {
        let units = vec![
            vec![Some(0.0), Some(-0.0)],
            vec![Some(2.0), Some(2.0)],
            vec![Some(4.0), Some(4.0)],
        ];
        assert_close(krippendorff_alpha(&units, Metric::Ratio), 1.0, 1e-12);
    }

    #[test]
    fn leniency_is_mean_difference_from_agreed() {
        // (4−3) + (2−2) + (5−3) = 3 over 3 pairs.
        assert_close(leniency([(4.0, 3.0), (2.0, 2.0), (5.0, 3.0)]), 1.0, 1e-12);
        assert_close(leniency(vec![(1.0, 3.0), (2.0, 3.0)]), -1.5, 1e-12);
        assert_eq!(leniency(Vec::new()), None);
        assert_eq!(leniency([(f64::NAN, 3.0)]), None);
        assert_eq!(leniency([(1.0, 1.0), (2.0, f64::INFINITY)]), None);
    }

    #[test]
    fn mean_spread_and_std_dev() {
        let values = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        assert_close(mean(&values), 5.0, 1e-12);
        assert_close(spread(&values), 7.0, 1e-12);
        // Σ(x − 5)² = 32, over n − 1 = 7.
        assert_close(sample_std_dev(&values), (32.0_f64 / 7.0).sqrt(), 1e-12);
        assert_close(spread(&[3.5]), 0.0, 0.0);
        assert_close(spread(&[-2.0, 1.0]), 3.0, 0.0);
    }

    #[test]
    fn small_helpers_reject_empty_non_finite_and_overflow() {
        assert_eq!(mean(&[]), None);
        assert_eq!(spread(&[]), None);
        assert_eq!(sample_std_dev(&[1.0]), None);
        assert_eq!(mean(&[1.0, f64::NAN]), None);
        assert_eq!(spread(&[1.0, f64::NEG_INFINITY]), None);
        assert_eq!(sample_std_dev(&[1.0, f64::NAN]), None);
        assert_eq!(mean(&[f64::MAX, f64::MAX]), None);
        assert_eq!(spread(&[-f64::MAX, f64::MAX]), None);
    }
}
