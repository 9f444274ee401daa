//! Role files: the JSON form of a role described by `schemas/role.schema.json`.
//!
//! Import validates against the schema and reports every violation with its JSON pointer;
//! export writes the one canonical form, so exporting an imported export gives the same bytes.

use std::sync::OnceLock;

use serde_json::Value;

use super::ImportError;
use crate::model::{CriterionKind, Role};

/// The role-file schema, as shipped in `schemas/`.
pub const SCHEMA: &str = include_str!("../../schemas/role.schema.json");

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let schema: Value = serde_json::from_str(SCHEMA).expect("the shipped schema is JSON");
        jsonschema::validator_for(&schema).expect("the shipped schema is a valid JSON Schema")
    })
}

/// Parses and validates a role file. `file` names it in errors.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Role, ImportError> {
    let text = super::text::decode(file, bytes)?;
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::Json {
        file: file.to_owned(),
        line: e.line(),
        column: e.column(),
        message: e
            .to_string()
            .split(" at line")
            .next()
            .unwrap_or_default()
            .to_owned(),
    })?;
    let problems: Vec<String> = validator()
        .iter_errors(&value)
        .map(|e| {
            let pointer = e.instance_path.to_string();
            let pointer = if pointer.is_empty() {
                "/".to_owned()
            } else {
                pointer
            };
            format!("{pointer}: {e}")
        })
        .collect();
    if !problems.is_empty() {
        return Err(ImportError::Schema {
            file: file.to_owned(),
            problems,
        });
    }
    let mut value = value;
    if let Some(obj) = value.as_object_mut() {
        obj.remove("warnings");
    }
    serde_json::from_value(value).map_err(|e| ImportError::Schema {
        file: file.to_owned(),
        problems: vec![format!("/: {e}")],
    })
}

/// The canonical role-file text of `role`.
pub fn to_string(role: &Role) -> String {
    let mut text = serde_json::to_string_pretty(role).expect("a role always serialises");
    text.push('\n');
    text
}

/// Checks the rules of a role that the type system does not hold; returns the field at fault.
pub fn check(role: &Role) -> Result<(), (String, String)> {
    if role.title.trim().is_empty() {
        return Err(("title".into(), "is empty".into()));
    }
    for (i, c) in role.criteria.iter().enumerate() {
        let field = |name: &str| format!("criteria[{i}].{name}");
        if c.name.trim().is_empty() {
            return Err((field("name"), "is empty".into()));
        }
        if c.kind == CriterionKind::Sfia && (c.code.is_none() || c.level.is_none()) {
            return Err((
                field("code"),
                format!("SFIA skill '{}' needs a code and a level", c.name),
            ));
        }
        if let Some(level) = c.level {
            if !(1..=7).contains(&level) {
                return Err((field("level"), format!("{level} is not a SFIA level (1–7)")));
            }
        }
        if let Some(j) = c.indicators.iter().position(|l| l.trim().is_empty()) {
            return Err((format!("criteria[{i}].indicators[{j}]"), "is empty".into()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Criterion, Priority, SourceDocument};

    fn sample_role() -> Role {
        Role {
            title: "Web Ops".into(),
            grade: Some("SEO".into()),
            reference: Some("HO-1234".into()),
            source: Some(SourceDocument {
                name: "web-ops.md".into(),
                sha256: "a".repeat(64),
            }),
            criteria: vec![
                Criterion {
                    kind: CriterionKind::Behaviour,
                    name: "Seeing the Big Picture".into(),
                    group: Some("Setting Direction".into()),
                    priority: Priority::Essential,
                    code: None,
                    level: None,
                    indicators: vec!["Anticipate technological developments".into()],
                },
                Criterion {
                    kind: CriterionKind::Sfia,
                    name: "Systems Design".into(),
                    group: Some("Development and Implementation".into()),
                    priority: Priority::Desirable,
                    code: Some("DESN".into()),
                    level: Some(3),
                    indicators: vec![],
                },
            ],
        }
    }

    #[test]
    fn an_exported_role_imports_and_exports_to_the_same_bytes() {
        let text = to_string(&sample_role());
        let role = parse("role.json", text.as_bytes()).unwrap();
        assert_eq!(role, sample_role());
        assert_eq!(to_string(&role), text, "export is canonical");
    }

    #[test]
    fn importer_warnings_are_accepted_and_dropped() {
        let mut value = serde_json::to_value(sample_role()).unwrap();
        value["warnings"] = serde_json::json!(["line 3: stray text"]);
        let role = parse("draft.json", value.to_string().as_bytes()).unwrap();
        assert_eq!(role, sample_role());
    }

    #[test]
    fn schema_errors_name_the_json_pointer() {
        let mut value = serde_json::to_value(sample_role()).unwrap();
        value["criteria"][1]["level"] = serde_json::json!(9);
        value["criteria"][0]["kind"] = serde_json::json!("vibe");
        let err = parse("bad.json", value.to_string().as_bytes()).unwrap_err();
        let text = err.to_string();
        assert!(
            text.starts_with("bad.json: does not match the role schema"),
            "{text}"
        );
        assert!(
            text.contains("/criteria/1/level: 9 is greater than the maximum of 7"),
            "{text}"
        );
        assert!(text.contains("/criteria/0/kind:"), "{text}");
    }

    #[test]
    fn a_sfia_skill_without_a_level_breaks_the_schema() {
        let mut value = serde_json::to_value(sample_role()).unwrap();
        value["criteria"][1]["level"] = Value::Null;
        let err = parse("nolevel.json", value.to_string().as_bytes())
            .unwrap_err()
            .to_string();
        assert!(err.contains("/criteria/1/level"), "{err}");
    }

    #[test]
    fn broken_json_names_line_and_column() {
        let err = parse("broken.json", b"{\n  \"title\": \"x\",\n  oops\n}")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("broken.json: line 3, column 3: invalid JSON"),
            "{err}"
        );
    }

    #[test]
    fn a_missing_title_is_reported_at_the_root() {
        let err = parse("untitled.json", br#"{"criteria": []}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("/: \"title\" is a required property"), "{err}");
    }
}
