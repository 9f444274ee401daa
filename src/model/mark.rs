//! A mark on a criterion: a point of the scale, or deliberately not assessed.
//!
//! Decided records hold one [`Mark`] and drafts a [`MaybeMark`] (none while the assessor is
//! still deciding), so a score that is both a point and "not assessed", or a decision that is
//! neither, cannot be built. What crosses IPC, what the databases store and what the audit log
//! records keep their two fields, `value` (the point, or null) and `not_assessed`: the log's
//! earlier events, the stored columns and the UI read the same as before. [`MarkFields`] is
//! that form; both types (de)serialise through it, refusing both at once (and a decided mark,
//! neither), and read in TypeScript as its two fields.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

/// A point of the scale, or "not assessed": distinct from any point, never a zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// A point of the scale.
    Point(i32),
    /// Deliberately not assessed.
    NotAssessed,
}

impl Mark {
    /// The point, if it is one.
    pub fn point(self) -> Option<i32> {
        match self {
            Mark::Point(p) => Some(p),
            Mark::NotAssessed => None,
        }
    }

    /// Whether the criterion was deliberately not assessed.
    pub fn is_not_assessed(self) -> bool {
        self == Mark::NotAssessed
    }
}

/// "5", or "not assessed".
impl std::fmt::Display for Mark {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mark::Point(p) => write!(f, "{p}"),
            Mark::NotAssessed => f.write_str("not assessed"),
        }
    }
}

/// A pair that is a point and "not assessed" at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a mark is a point of the scale or \"not assessed\", not both")]
pub struct BothMarks;

/// What an assessor has marked on a criterion so far: nothing yet, or a [`Mark`]. A draft
/// may be saved undecided (evidence first, the score later); a decision may not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct MaybeMark(pub Option<Mark>);

impl MaybeMark {
    /// Nothing marked yet.
    pub const NONE: MaybeMark = MaybeMark(None);

    /// The mark, if one is given.
    pub fn mark(self) -> Option<Mark> {
        self.0
    }

    /// The point, if the mark is one.
    pub fn point(self) -> Option<i32> {
        self.0.and_then(Mark::point)
    }

    /// Whether the criterion was deliberately not assessed.
    pub fn is_not_assessed(self) -> bool {
        self.0.is_some_and(Mark::is_not_assessed)
    }

    /// Whether a mark is given (a point or "not assessed").
    pub fn is_marked(self) -> bool {
        self.0.is_some()
    }

    /// The mark held by a stored or received pair: none for neither.
    pub fn from_fields(value: Option<i32>, not_assessed: bool) -> Result<MaybeMark, BothMarks> {
        match (value, not_assessed) {
            (Some(_), true) => Err(BothMarks),
            (Some(p), false) => Ok(MaybeMark(Some(Mark::Point(p)))),
            (None, true) => Ok(MaybeMark(Some(Mark::NotAssessed))),
            (None, false) => Ok(MaybeMark::NONE),
        }
    }

    /// The pair it is stored and sent as: the point (or none) and "not assessed".
    pub fn fields(self) -> MarkFields {
        MarkFields {
            value: self.point(),
            not_assessed: self.is_not_assessed(),
        }
    }

    /// `{"value": …, "not_assessed": …}`, as the audit log records a mark.
    pub fn json(self) -> serde_json::Value {
        let f = self.fields();
        serde_json::json!({ "value": f.value, "not_assessed": f.not_assessed })
    }
}

impl From<Mark> for MaybeMark {
    fn from(mark: Mark) -> Self {
        MaybeMark(Some(mark))
    }
}

impl From<Option<Mark>> for MaybeMark {
    fn from(mark: Option<Mark>) -> Self {
        MaybeMark(mark)
    }
}

impl Mark {
    /// The mark a decided pair holds; an error for neither or both.
    pub fn from_fields(value: Option<i32>, not_assessed: bool) -> Result<Mark, NotAMark> {
        match MaybeMark::from_fields(value, not_assessed) {
            Ok(MaybeMark(Some(mark))) => Ok(mark),
            Ok(MaybeMark(None)) => Err(NotAMark::Neither),
            Err(BothMarks) => Err(NotAMark::Both),
        }
    }

    /// The pair it is stored and sent as.
    pub fn fields(self) -> MarkFields {
        MaybeMark::from(self).fields()
    }

    /// `{"value": …, "not_assessed": …}`, as the audit log records a mark.
    pub fn json(self) -> serde_json::Value {
        MaybeMark::from(self).json()
    }
}

/// A mark read back from the pair it is stored as ([`Mark`] refuses neither and both,
/// [`MaybeMark`] both): what each backend's row reader asks for.
pub trait FromStoredPair: Sized {
    /// Why the pair is not one.
    type Error: std::error::Error + Send + Sync + 'static;
    /// The mark `value` and `not_assessed` hold.
    fn from_pair(value: Option<i32>, not_assessed: bool) -> Result<Self, Self::Error>;
}

impl FromStoredPair for Mark {
    type Error = NotAMark;
    fn from_pair(value: Option<i32>, not_assessed: bool) -> Result<Self, NotAMark> {
        Mark::from_fields(value, not_assessed)
    }
}

impl FromStoredPair for MaybeMark {
    type Error = BothMarks;
    fn from_pair(value: Option<i32>, not_assessed: bool) -> Result<Self, BothMarks> {
        MaybeMark::from_fields(value, not_assessed)
    }
}

/// Why a stored or received pair is not a decided mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NotAMark {
    /// Neither a point nor "not assessed".
    #[error("a decision needs a point of the scale or \"not assessed\"")]
    Neither,
    /// Both at once.
    #[error("a mark is a point of the scale or \"not assessed\", not both")]
    Both,
}

/// A mark as it is sent, stored and recorded: the point (null when there is none) and whether
/// the criterion was not assessed. Structs flatten a [`Mark`] or [`MaybeMark`] into these two
/// fields (`#[serde(flatten)] #[ts(flatten)]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct MarkFields {
    /// The point on the scale; `null` while undecided or when not assessed.
    pub value: Option<i32>,
    /// The criterion was deliberately not assessed: distinct from any score, never a zero.
    pub not_assessed: bool,
}

impl Serialize for MaybeMark {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.fields().serialize(s)
    }
}

impl<'de> Deserialize<'de> for MaybeMark {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let f = MarkFields::deserialize(d)?;
        MaybeMark::from_fields(f.value, f.not_assessed).map_err(serde::de::Error::custom)
    }
}

impl Serialize for Mark {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.fields().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Mark {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let f = MarkFields::deserialize(d)?;
        Mark::from_fields(f.value, f.not_assessed).map_err(serde::de::Error::custom)
    }
}

/// A decided mark's two fields as TypeScript reads them: the same as [`MarkFields`], with the
/// words that fit a decision (never undecided).
#[derive(TS)]
#[allow(dead_code)] // read by ts-rs only
struct DecidedFields {
    /// The point on the scale; `null` when not assessed.
    value: Option<i32>,
    /// The criterion was not assessed: distinct from any score, never a zero.
    not_assessed: bool,
}

/// Each type reads in TypeScript as the two fields it is sent as.
macro_rules! ts_as_fields {
    ($($t:ty => $fields:ty),*) => {$(
        impl TS for $t {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;

            fn name() -> String {
                <$fields as TS>::name()
            }

            fn inline() -> String {
                <$fields as TS>::inline()
            }

            fn inline_flattened() -> String {
                <$fields as TS>::inline_flattened()
            }

            fn decl() -> String {
                <$fields as TS>::decl()
            }

            fn decl_concrete() -> String {
                <$fields as TS>::decl_concrete()
            }
        }
    )*};
}
ts_as_fields!(Mark => DecidedFields, MaybeMark => MarkFields);

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize, TS)]
    struct Draft {
        key: String,
        #[serde(flatten)]
        #[ts(flatten)]
        mark: MaybeMark,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize, TS)]
    struct Decided {
        #[serde(flatten)]
        #[ts(flatten)]
        mark: Mark,
        text: String,
    }

    #[test]
    fn a_mark_crosses_as_the_two_fields_it_always_had() {
        let draft = |mark: Option<Mark>| Draft {
            key: "c1".into(),
            mark: mark.into(),
        };
        for (mark, json) in [
            (None, r#"{"key":"c1","value":null,"not_assessed":false}"#),
            (
                Some(Mark::Point(5)),
                r#"{"key":"c1","value":5,"not_assessed":false}"#,
            ),
            (
                Some(Mark::NotAssessed),
                r#"{"key":"c1","value":null,"not_assessed":true}"#,
            ),
        ] {
            assert_eq!(serde_json::to_string(&draft(mark)).unwrap(), json);
            assert_eq!(serde_json::from_str::<Draft>(json).unwrap(), draft(mark));
        }
        let decided = Decided {
            mark: Mark::NotAssessed,
            text: "x".into(),
        };
        let json = serde_json::to_string(&decided).unwrap();
        assert_eq!(json, r#"{"value":null,"not_assessed":true,"text":"x"}"#);
        assert_eq!(serde_json::from_str::<Decided>(&json).unwrap(), decided);
    }

    #[test]
    fn typescript_reads_the_two_fields_in_place_of_the_mark() {
        let ts = Draft::decl();
        assert!(ts.contains("key: string"), "{ts}");
        assert!(ts.contains("value: number | null"), "{ts}");
        assert!(ts.contains("not_assessed: boolean"), "{ts}");
        assert!(!ts.contains("mark"), "{ts}");
        assert!(Decided::decl().contains("not_assessed: boolean"));
    }

    #[test]
    fn a_pair_that_is_both_or_a_decision_that_is_neither_is_refused() {
        let both = r#"{"key":"c1","value":5,"not_assessed":true}"#;
        let err = serde_json::from_str::<Draft>(both).unwrap_err().to_string();
        assert!(err.contains("not both"), "{err}");
        let neither = r#"{"value":null,"not_assessed":false,"text":"x"}"#;
        let err = serde_json::from_str::<Decided>(neither)
            .unwrap_err()
            .to_string();
        assert!(err.contains("needs a point"), "{err}");
        assert_eq!(MaybeMark::from_fields(Some(3), true), Err(BothMarks));
        assert_eq!(Mark::from_fields(None, false), Err(NotAMark::Neither));
    }

    #[test]
    fn a_mark_reads_back_from_its_stored_pair() {
        for mark in [
            None,
            Some(Mark::Point(0)),
            Some(Mark::Point(7)),
            Some(Mark::NotAssessed),
        ] {
            let f = MaybeMark(mark).fields();
            assert_eq!(
                MaybeMark::from_fields(f.value, f.not_assessed),
                Ok(MaybeMark(mark))
            );
        }
        assert_eq!(
            Mark::Point(4).json(),
            serde_json::json!({"value": 4, "not_assessed": false})
        );
    }
}
