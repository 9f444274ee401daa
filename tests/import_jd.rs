//! Job-description import, end to end: the project's own example job descriptions
//! (`tests/fixtures/jd/`), the shared real samples (`../shared/samples`, when present), bad
//! files, and inputs that must never make the importer panic.

use std::path::{Path, PathBuf};

use panelmark::import::jd::parse_job_description;
use panelmark::import::{role_file, ImportError};
use panelmark::model::{Criterion, CriterionKind, Priority, RoleDraft};
use rand::{Rng, SeedableRng};

use CriterionKind::{Behaviour, Experience, Sfia, Strength, Technical};
use Priority::{Desirable, Essential};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jd")
}

fn parse_path(path: &Path) -> RoleDraft {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("jd.md");
    parse_job_description(name, &bytes).unwrap_or_else(|e| panic!("{e}"))
}

fn fixture(name: &str) -> RoleDraft {
    parse_path(&fixtures().join(name))
}

/// The names of the criteria of one kind, in document order.
fn names(draft: &RoleDraft, kind: CriterionKind) -> Vec<&str> {
    draft
        .role
        .criteria
        .iter()
        .filter(|c| c.kind == kind)
        .map(|c| c.name.as_str())
        .collect()
}

fn criterion<'a>(draft: &'a RoleDraft, name: &str) -> &'a Criterion {
    draft
        .role
        .criteria
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no criterion {name:?} in {:#?}", draft.role.criteria))
}

/// (name, group, priority) of every criterion of a kind.
fn summary(draft: &RoleDraft, kind: CriterionKind) -> Vec<(&str, Option<&str>, Priority)> {
    draft
        .role
        .criteria
        .iter()
        .filter(|c| c.kind == kind)
        .map(|c| (c.name.as_str(), c.group.as_deref(), c.priority))
        .collect()
}

/// (name, code, level, group, priority) of every SFIA skill.
fn sfia(draft: &RoleDraft) -> Vec<(&str, &str, u8, Option<&str>, Priority)> {
    draft
        .role
        .criteria
        .iter()
        .filter(|c| c.kind == Sfia)
        .map(|c| {
            (
                c.name.as_str(),
                c.code.as_deref().unwrap_or("?"),
                c.level.unwrap_or(0),
                c.group.as_deref(),
                c.priority,
            )
        })
        .collect()
}

fn has_warning(draft: &RoleDraft, parts: &[&str]) -> bool {
    draft
        .warnings
        .iter()
        .any(|w| parts.iter().all(|p| w.contains(p)))
}

/// Every draft must make a valid role file: what the importer produces is what the rest of
/// the app accepts.
fn assert_valid_role(draft: &RoleDraft) {
    if let Err((field, problem)) = role_file::check(&draft.role) {
        panic!("{field} {problem} in {:#?}", draft.role);
    }
    let json = serde_json::to_string(draft).expect("a draft serialises");
    role_file::parse("draft.json", json.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
}

// ---------------------------------------------------------------- the project's fixtures

#[test]
fn gds_template_headings_with_priorities_in_words_and_subheadings() {
    let d = fixture("gds-template.md");
    assert_eq!(d.role.title, "Performance Analyst");
    assert_eq!(d.role.grade, None);
    assert_eq!(
        summary(&d, Behaviour),
        vec![
            (
                "Seeing the big picture",
                Some("Setting direction"),
                Essential
            ),
            (
                "Making effective decisions",
                Some("Setting direction"),
                Essential
            ),
            ("Delivering at pace", Some("Delivering results"), Desirable),
        ]
    );
    assert_eq!(
        criterion(&d, "Seeing the big picture").indicators,
        vec![
            "Understand how the service fits into the department's wider strategy",
            "Bring in insight from outside the organisation"
        ]
    );
    let group = Some("Specialist skills and requirements");
    assert_eq!(
        summary(&d, Technical),
        vec![
            (
                "Experience of web analytics tools such as Google Analytics or Matomo",
                group,
                Essential
            ),
            (
                "Ability to explain statistical findings to people without a statistical background",
                group,
                Essential
            ),
            ("Working knowledge of SQL", group, Essential),
            ("Experience of A/B testing on a live service", group, Desirable),
            ("Familiarity with the Service Standard", group, Desirable),
        ]
    );
    assert!(
        names(&d, Experience).is_empty(),
        "duties are not criteria: {:?}",
        names(&d, Experience)
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    assert_valid_role(&d);
}

#[test]
fn home_office_role_definition_in_html_tables() {
    let d = fixture("home-office-ddat.md");
    assert_eq!(d.role.title, "Data Engineer");
    assert_eq!(d.role.grade.as_deref(), Some("HEO"));
    assert_eq!(d.role.reference.as_deref(), Some("HO-DDAT-0417"));
    let who = Some("You will be someone who");
    assert_eq!(
        summary(&d, Behaviour),
        vec![
            (
                "Cares about the quality of the data other people depend on.",
                who,
                Essential
            ),
            (
                "Explains technical trade-offs to non-technical colleagues.",
                who,
                Essential
            ),
            (
                "Works well with 3rd party suppliers and internal teams.",
                who,
                Essential
            ),
        ],
        "the empty <li> is skipped and 3<sup>rd</sup> reads 3rd"
    );
    assert_eq!(
        names(&d, Experience),
        vec![
            "Experience building batch and streaming pipelines.",
            "Good knowledge of SQL and one general-purpose language.",
            "Experience of working with personal data under UK GDPR.",
        ]
    );
    let dev = Some("Development and Implementation");
    assert_eq!(
        sfia(&d),
        vec![
            ("Data Engineering", "DENG", 4, dev, Essential),
            ("Database Design", "DBDS", 3, dev, Essential),
        ],
        "subcategories (Data and Analytics) are not skills"
    );
    assert!(
        has_warning(&d, &["line 81", "Information Security (SCTY)", "no level"]),
        "{:?}",
        d.warnings
    );
    assert!(
        has_warning(
            &d,
            &[
                "line 50",
                "Capabilities and Competencies",
                "external framework",
                "https://www.gov.uk/government/collections/digital-data-and-technology-profession-capability-framework"
            ]
        ),
        "{:?}",
        d.warnings
    );
    assert_eq!(d.warnings.len(), 2, "{:?}", d.warnings);
    assert_valid_role(&d);
}

#[test]
fn scottish_government_job_description_with_grade_line() {
    let d = fixture("scottish-government.md");
    assert_eq!(d.role.title, "Digital Policy Officer");
    assert_eq!(d.role.grade.as_deref(), Some("B3"));
    assert_eq!(d.role.reference.as_deref(), Some("SG-DIG-2291"));
    let comp = Some("Competencies");
    assert_eq!(
        summary(&d, Behaviour),
        vec![
            ("Improving performance through teamwork", comp, Essential),
            ("Analytical thinking and use of evidence", comp, Essential),
            ("Communicating with impact", comp, Essential),
        ]
    );
    assert_eq!(
        criterion(&d, "Communicating with impact").indicators,
        vec!["adapts written and spoken communication to the audience"],
        "\"Name – description\" gives the name and an indicator"
    );
    assert_eq!(
        names(&d, Technical),
        vec![
            "Ability to draft clear briefing on technical subjects for non-specialists",
            "Knowledge of the Scottish Approach to Service Design",
        ]
    );
    assert_eq!(
        summary(&d, Experience),
        vec![
            (
                "Experience of working with stakeholders across organisations",
                Some("Experience"),
                Essential
            ),
            (
                "Experience of managing a small budget",
                Some("Experience"),
                Essential
            ),
            (
                "A degree or equivalent in a relevant subject",
                Some("Qualifications"),
                Desirable
            ),
        ]
    );
    assert_eq!(
        criterion(&d, "Experience of managing a small budget").indicators,
        vec!["Qualifier: if applicable"]
    );
    assert_eq!(
        d.warnings,
        vec!["line 35: \"Experience of managing a small budget\" applies only \"if applicable\"; kept as an indicator, check it applies to this post"]
    );
    assert_valid_role(&d);
}

#[test]
fn dfe_person_specification_table_with_priority_column() {
    let d = fixture("dfe.md");
    assert_eq!(d.role.title, "Senior Education Data Analyst");
    assert_eq!(d.role.grade.as_deref(), Some("Grade 7"));
    assert_eq!(d.role.reference.as_deref(), Some("DFE-0042-ANL"));
    let spec = Some("Person specification");
    assert_eq!(
        summary(&d, Experience),
        vec![
            (
                "Experience of leading complex statistical analysis",
                spec,
                Essential
            ),
            (
                "Ability to communicate findings to non-analysts",
                spec,
                Essential
            ),
            (
                "Experience of using R or Python for reproducible analysis",
                spec,
                Essential
            ),
            (
                "Experience of education data sets such as the school census",
                spec,
                Desirable
            ),
        ],
        "the header row and the 'Assessed at' column are not criteria"
    );
    assert_eq!(
        names(&d, Behaviour),
        vec![
            "Making Effective Decisions",
            "Communicating and Influencing",
            "Leadership"
        ]
    );
    assert!(
        d.role.criteria.iter().all(|c| c.indicators.is_empty()),
        "{:#?}",
        d.role.criteria
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    assert_valid_role(&d);
}

#[test]
fn civil_service_jobs_advert_with_all_success_profile_sections() {
    let d = fixture("csj-advert.md");
    assert_eq!(d.role.title, "Senior Software Developer");
    assert_eq!(
        d.role.grade.as_deref(),
        Some("SEO"),
        "\"Senior Executive Officer (SEO)\" is the grade a panel calls SEO"
    );
    assert_eq!(d.role.reference.as_deref(), Some("345678"));
    let spec = Some("Person specification");
    assert_eq!(
        summary(&d, Experience),
        vec![
            (
                "Experience of building and running web services in production",
                spec,
                Essential
            ),
            ("Experience of mentoring other developers", spec, Essential),
            (
                "Experience of working in a government digital team",
                spec,
                Desirable
            ),
        ]
    );
    assert_eq!(
        names(&d, Behaviour),
        vec![
            "Seeing the Big Picture",
            "Working Together",
            "Delivering at Pace"
        ],
        "behaviours listed, then described, are not duplicated"
    );
    assert_eq!(
        criterion(&d, "Seeing the Big Picture").indicators,
        vec![
            "Understand how your team's work supports the organisation's objectives",
            "Keep up to date with developments in your profession"
        ]
    );
    assert_eq!(
        criterion(&d, "Working Together").indicators,
        vec!["Build a supportive environment where colleagues can speak up"]
    );
    assert_eq!(
        names(&d, Technical),
        vec![
            "Writing maintainable, well-tested code",
            "Designing APIs that other teams can depend on"
        ]
    );
    assert_eq!(
        summary(&d, Strength),
        vec![
            ("Adaptable", Some("Strengths"), Essential),
            ("Problem Solver", Some("Strengths"), Essential)
        ]
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    assert_valid_role(&d);
}

#[test]
fn messy_copy_and_paste_is_repaired() {
    let d = fixture("messy.md");
    assert_eq!(
        d.role.title, "Cloud Platform Engineer",
        "the heading is split from the sentence glued to it"
    );
    assert_eq!(
        d.role.grade.as_deref(),
        Some("SEO"),
        "a non-breaking space after 'Grade:'"
    );
    assert_eq!(
        summary(&d, Behaviour),
        vec![
            ("Working Together", Some("Behaviours"), Essential),
            ("Delivering at Pace", Some("Behaviours"), Desirable),
        ],
        "glued 'Essential'/'Desirable' set each behaviour's priority; capitals become title case"
    );
    assert_eq!(
        criterion(&d, "Working Together").indicators,
        vec!["Share knowledge with other teams", "Ask for help early"]
    );
    assert_eq!(
        summary(&d, Technical),
        vec![
            (
                "Running Kubernetes in production",
                Some("Technical skills"),
                Essential
            ),
            (
                "Infrastructure as code with Terraform",
                Some("Technical skills"),
                Essential
            ),
            (
                "Linux administration–at scale",
                Some("Technical skills"),
                Essential
            ),
            (
                "Supporting 2nd line incident response",
                Some("Technical skills"),
                Desirable
            ),
        ],
        "glued bullets, an en dash, an empty <li> and <sup>"
    );
    assert_eq!(
        names(&d, Experience),
        vec![
            "Experience of line management",
            "Experience of on-call rotas"
        ]
    );
    assert!(
        has_warning(&d, &["line 14", "if line managing"]),
        "{:?}",
        d.warnings
    );
    assert!(
        has_warning(
            &d,
            &[
                "line 18",
                "Experience with Ansible would help",
                "Other information"
            ]
        ),
        "{:?}",
        d.warnings
    );
    assert!(
        !d.warnings.iter().any(|w| w.contains("forty services")),
        "team blurbs are neither criteria nor warnings: {:?}",
        d.warnings
    );
    assert_eq!(d.warnings.len(), 2, "{:?}", d.warnings);
    assert_valid_role(&d);
}

#[test]
fn demo_role_is_a_complete_example() {
    let d = fixture("demo-role.md");
    assert_eq!(d.role.title, "Platform Reliability Engineer");
    assert_eq!(
        d.role.grade.as_deref(),
        Some("SEO"),
        "\"Senior Executive Officer (SEO)\" is the grade a panel calls SEO"
    );
    assert_eq!(d.role.reference.as_deref(), Some("PM-DEMO-0001"));
    assert_eq!(
        names(&d, Behaviour),
        vec![
            "Seeing the Big Picture",
            "Working Together",
            "Delivering at Pace",
            "Making Effective Decisions"
        ]
    );
    assert_eq!(
        names(&d, Technical),
        vec![
            "Observability",
            "Infrastructure as code",
            "Incident management"
        ]
    );
    let group = Some("SFIA skills");
    assert_eq!(
        sfia(&d),
        vec![
            ("Systems Design", "DESN", 4, group, Essential),
            ("Release and Deployment", "RELM", 4, group, Essential),
            ("Incident Management", "USUP", 4, group, Essential),
        ]
    );
    let with_indicators = d
        .role
        .criteria
        .iter()
        .filter(|c| !c.indicators.is_empty())
        .count();
    assert_eq!(with_indicators, 7, "every behaviour and technical skill");
    assert_eq!(
        criterion(&d, "Observability").indicators,
        vec![
            "Designs alerts that point to user impact rather than to symptoms",
            "Builds dashboards that on-call engineers rely on"
        ]
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    assert_valid_role(&d);
}

#[test]
fn every_fixture_is_tested_above() {
    // A fixture added without a test would prove nothing; keep this list in step.
    let mut found: Vec<String> = std::fs::read_dir(fixtures())
        .expect("fixtures folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    found.sort();
    assert_eq!(
        found,
        vec![
            "csj-advert.md",
            "demo-role.md",
            "dfe.md",
            "gds-template.md",
            "home-office-ddat.md",
            "messy.md",
            "scottish-government.md"
        ]
    );
}

#[test]
fn the_source_is_named_and_hashed() {
    let bytes = std::fs::read(fixtures().join("dfe.md")).expect("fixture");
    let d = parse_job_description("dfe.md", &bytes).expect("parses");
    let source = d.role.source.expect("source");
    assert_eq!(source.name, "dfe.md");
    use sha2::Digest;
    assert_eq!(source.sha256, hex::encode(sha2::Sha256::digest(&bytes)));
    assert_eq!(source.sha256.len(), 64);
    let mut changed = bytes.clone();
    changed.push(b'\n');
    let other = parse_job_description("dfe.md", &changed).expect("parses");
    assert_ne!(other.role.source.expect("source").sha256, source.sha256);
}

// ---------------------------------------------------------------- the shared real samples

/// `../shared/samples` next to the crate. Missing is fine on a user's clone, but not in CI.
fn samples() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!(
            "CI=true but the shared samples folder {} is missing",
            dir.display()
        );
    }
    eprintln!(
        "note: {} not found; skipping the shared-sample tests",
        dir.display()
    );
    None
}

#[test]
fn sample_web_ops() {
    let Some(dir) = samples() else { return };
    let d = parse_path(&dir.join("web-ops.md"));
    assert_eq!(d.role.title, "Web Ops");
    assert_eq!(d.role.grade, None);
    assert_eq!(d.role.reference, None);
    let sd = Some("Setting Direction");
    let ep = Some("Engaging People");
    let dr = Some("Delivering Results");
    assert_eq!(
        summary(&d, Behaviour),
        vec![
            ("Seeing the Big Picture", sd, Essential),
            ("Changing and Improving", sd, Essential),
            ("Making Effective Decisions", sd, Essential),
            ("Collaborating and Partnering", ep, Essential),
            ("Achieving Commercial Outcomes", dr, Essential),
            ("Managing a Quality Service", dr, Essential),
            ("Delivering at Pace", dr, Essential),
        ]
    );
    let counts: Vec<(&str, usize)> = d
        .role
        .criteria
        .iter()
        .filter(|c| c.kind == Behaviour)
        .map(|c| (c.name.as_str(), c.indicators.len()))
        .collect();
    assert_eq!(
        counts,
        vec![
            ("Seeing the Big Picture", 1),
            ("Changing and Improving", 2),
            ("Making Effective Decisions", 3),
            ("Collaborating and Partnering", 1),
            ("Achieving Commercial Outcomes", 1),
            ("Managing a Quality Service", 1),
            ("Delivering at Pace", 2),
        ]
    );
    assert_eq!(
        criterion(&d, "Seeing the Big Picture").indicators,
        vec!["Anticipate technological developments to keep activity relevant and targeted"]
    );
    assert_eq!(
        criterion(&d, "Delivering at Pace").indicators,
        vec![
            "Maintain effective performance in difficult and challenging circumstances, encouraging others to do the same.",
            "Review, challenge and adjust performance levels to ensure quality outcomes are delivered on time"
        ]
    );
    let tech = summary(&d, Technical);
    let essential: Vec<&str> = tech
        .iter()
        .filter(|t| t.2 == Essential)
        .map(|t| t.0)
        .collect();
    let desirable: Vec<&str> = tech
        .iter()
        .filter(|t| t.2 == Desirable)
        .map(|t| t.0)
        .collect();
    assert_eq!(
        essential,
        vec![
            "Understanding of common web application architectures",
            "Experience configuring and managing Linux servers for serving a dynamic website",
            "Experience debugging a complex multi-server service",
            "Scripting or basic programming skills",
            "Familiarity with network protocols - TCP/IP, HTTP, SSL, etc.",
        ]
    );
    assert_eq!(
        desirable,
        vec![
            "Installation and management of open source monitoring tools",
            "Configuration management tools like Puppet, Chef",
            "Deploying and configuring machines in a Cloud environment",
            "Understanding of application deployment strategies and continuous integration",
            "Working within a product-centric environment",
        ]
    );
    assert_eq!(
        d.role.criteria.len(),
        17,
        "duties are not criteria: {:#?}",
        d.role.criteria
    );
    assert_valid_role(&d);
}

#[test]
fn sample_devops() {
    let Some(dir) = samples() else { return };
    let d = parse_path(&dir.join("devops.md"));
    assert_eq!(d.role.title, "DevOps");
    assert_eq!(d.role.grade.as_deref(), Some("SEO"));
    assert_eq!(d.role.reference, None, "the reference cell is empty");
    let behaviours = summary(&d, Behaviour);
    assert_eq!(behaviours.len(), 7, "{behaviours:#?}");
    assert_eq!(
        behaviours[0],
        (
            "Puts users first and can manage competing priorities.",
            Some("You will be someone who"),
            Essential
        )
    );
    assert_eq!(
        behaviours[6].0,
        "Provides direction and coaching to more junior team members."
    );
    let experience = summary(&d, Experience);
    assert_eq!(
        experience.iter().map(|e| e.0).collect::<Vec<_>>(),
        vec![
            "Ability to code and write scripts.",
            "A basic understanding of software design principles.",
            "Some experience managing service components (including hardware, software, network resources and software/infrastructure as a service).",
            "Comfortable with frequent, incremental code testing and deployment.",
            "Able to present information clearly, concisely and accurately in appropriate language, which meets the needs of the business.",
            "Ability to evaluate technology and identify dependencies and blockers.",
        ]
    );
    assert!(experience.iter().all(|e| e.2 == Essential));
    let dev = Some("Development and Implementation");
    let ops = Some("Delivery and Operation");
    assert_eq!(
        sfia(&d),
        vec![
            ("Systems Design", "DESN", 3, dev, Essential),
            (
                "Programming/Software Development",
                "PROG",
                3,
                dev,
                Essential
            ),
            ("Systems Integration", "SINT", 3, dev, Essential),
            ("Problem Management", "PBMG", 4, ops, Essential),
            ("Incident Management", "USUP", 4, ops, Essential),
        ]
    );
    assert_eq!(
        d.role.criteria.len(),
        18,
        "no duties, no 'who you'll work with', no SFIA subcategories"
    );
    assert!(
        has_warning(
            &d,
            &[
                "line 114",
                "Capabilities and Competencies",
                "external framework"
            ]
        ),
        "{:?}",
        d.warnings
    );
    assert_valid_role(&d);
}

#[test]
fn sample_principal_devops() {
    let Some(dir) = samples() else { return };
    let d = parse_path(&dir.join("principal-devops.md"));
    assert_eq!(d.role.title, "Principal DevOps");
    assert_eq!(d.role.grade.as_deref(), Some("SCS"));
    assert_eq!(d.role.reference, None);
    let behaviours = names(&d, Behaviour);
    assert_eq!(behaviours.len(), 8, "{behaviours:#?}");
    assert_eq!(
        behaviours[2],
        "Can navigate the complex landscape of technologies, 3rd party suppliers, internal and cross-government teams."
    );
    let experience = names(&d, Experience);
    assert_eq!(experience.len(), 12, "{experience:#?}");
    assert_eq!(
        experience[10],
        "You may be expected to manage 3rd party suppliers through all procurement phases."
    );
    let sa = Some("Strategy and Architecture");
    let dev = Some("Development and Implementation");
    let ops = Some("Delivery and Operation");
    assert_eq!(
        sfia(&d),
        vec![
            ("Technical Specialism", "TECH", 6, sa, Essential),
            ("Systems Design", "DESN", 6, dev, Essential),
            (
                "Programming/Software Development",
                "PROG",
                6,
                dev,
                Essential
            ),
            ("Systems Integration", "SINT", 6, dev, Essential),
            ("Problem Management", "PBMG", 5, ops, Essential),
            ("Incident Management", "USUP", 5, ops, Essential),
            (
                "Performance Management",
                "PEMT",
                6,
                Some("Skills and Quality"),
                Desirable
            ),
        ]
    );
    assert_eq!(
        criterion(&d, "Performance Management").indicators,
        vec!["Qualifier: if managing others"],
        "the qualifier stays visible to assessors"
    );
    assert!(
        has_warning(
            &d,
            &["line 179", "Performance Management", "if managing others"]
        ),
        "{:?}",
        d.warnings
    );
    assert!(
        has_warning(&d, &["line 131", "external framework"]),
        "{:?}",
        d.warnings
    );
    assert_valid_role(&d);
}

// ---------------------------------------------------------------- bad files

#[test]
fn an_empty_file_is_a_clear_error() {
    let err = parse_job_description("blank.md", b"  \n\n").unwrap_err();
    assert_eq!(
        err,
        ImportError::Empty {
            file: "blank.md".into()
        }
    );
    assert_eq!(err.to_string(), "blank.md: the file is empty");
}

#[test]
fn a_binary_file_is_a_clear_error() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let err = parse_job_description("photo.png", png).unwrap_err();
    assert!(matches!(err, ImportError::Binary { .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("photo.png: this is not a text document"),
        "{err}"
    );
}

#[test]
fn a_non_utf8_file_is_a_clear_error() {
    let err = parse_job_description("latin1.md", b"# Caf\xE9 manager\n").unwrap_err();
    assert!(
        matches!(err, ImportError::Encoding { offset: 5, .. }),
        "{err:?}"
    );
    assert!(err.to_string().starts_with("latin1.md: "), "{err}");
    assert!(err.to_string().contains("not UTF-8"), "{err}");
}

#[test]
fn text_with_nothing_role_like_is_an_error() {
    let err = parse_job_description("notes.txt", b"just some notes about lunch").unwrap_err();
    assert!(matches!(err, ImportError::NoRole { .. }), "{err:?}");
    assert!(err.to_string().starts_with("notes.txt: "), "{err}");
}

#[test]
fn criteria_without_a_title_use_the_file_name() {
    let d = parse_job_description(
        "jobs/analyst-2024.md",
        b"## Behaviours\n* Working Together\n",
    )
    .expect("parses");
    // The words of the name, not its file-system hyphens.
    assert_eq!(d.role.title, "analyst 2024");
    assert!(has_warning(&d, &["no job title"]), "{:?}", d.warnings);
    let spaced = parse_job_description("Data analyst.md", b"## Behaviours\n* Working Together\n")
        .expect("parses");
    assert_eq!(spaced.role.title, "Data analyst");
}

// ---------------------------------------------------------------- never panics

fn all_documents() -> Vec<(String, Vec<u8>)> {
    let mut docs = Vec::new();
    let mut dirs = vec![fixtures()];
    if let Some(s) = samples() {
        dirs.push(s);
    }
    for dir in dirs {
        for entry in std::fs::read_dir(&dir).expect("readable folder").flatten() {
            let path = entry.path();
            if let Ok(bytes) = std::fs::read(&path) {
                docs.push((path.display().to_string(), bytes));
            }
        }
    }
    docs
}

#[test]
fn truncated_documents_never_panic() {
    // Every prefix would be quadratic in a debug build; every line end, every 17th byte and
    // every byte of the first 600 still cut through every construct (tags, tables, UTF-8).
    for (name, bytes) in all_documents() {
        let cuts = (0..bytes.len().min(600))
            .chain((0..bytes.len()).step_by(17))
            .chain(
                bytes
                    .iter()
                    .enumerate()
                    .filter(|(_, &b)| b == b'\n')
                    .map(|(i, _)| i),
            );
        for cut in cuts {
            let result =
                std::panic::catch_unwind(|| parse_job_description("cut.md", &bytes[..cut]));
            assert!(result.is_ok(), "{name} cut at byte {cut} panicked");
        }
    }
}

#[test]
fn random_and_garbled_input_never_panics() {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(0x6a64);
    // Pieces of the syntax the importer cares about, glued at random.
    const PIECES: &[&str] = &[
        "#",
        "## ",
        "### ",
        "* ",
        "- ",
        "1. ",
        "**",
        "*",
        "_",
        "|",
        "| --- |",
        "\n",
        "\n\n",
        " ",
        "\u{00A0}",
        "–",
        "Essential",
        "Desirable",
        "(DESN)",
        " – Level ",
        "7",
        "99",
        "(if ",
        ")",
        "<table>",
        "<tr>",
        "<td>",
        "</td>",
        "<th>",
        "<ul>",
        "<li>",
        "</li>",
        "</",
        "<p>",
        "<sup>",
        "<strong>",
        "</strong>",
        "<!--",
        "-->",
        "Grade:",
        "Reference number:",
        "Behaviours",
        "Skills Framework for the Information Age",
        "You will be someone who",
        "Seeing the Big Picture",
        "é",
        "\u{0301}",
        "日本",
        "&nbsp;",
        "&#x41;",
        "`",
        "```",
        ">",
        "\t",
        "\r\n",
        "[a](http://x)",
        "![i](p.png)",
    ];
    for _ in 0..400 {
        let n = rng.random_range(0..80);
        let mut doc = String::new();
        for _ in 0..n {
            doc.push_str(PIECES[rng.random_range(0..PIECES.len())]);
        }
        let result = std::panic::catch_unwind(|| parse_job_description("soup.md", doc.as_bytes()));
        assert!(result.is_ok(), "panicked on {doc:?}");
        if let Ok(Ok(draft)) = result {
            assert_valid_role(&draft);
        }
    }
    for _ in 0..200 {
        let n = rng.random_range(0..400);
        let bytes: Vec<u8> = (0..n).map(|_| rng.random()).collect();
        let result = std::panic::catch_unwind(|| parse_job_description("noise.bin", &bytes));
        assert!(result.is_ok(), "panicked on {bytes:?}");
    }
}
