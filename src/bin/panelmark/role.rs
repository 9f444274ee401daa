//! `import-jd` and `role import|export|list`: role drafts from job descriptions, and role files.

use std::path::Path;

use anyhow::Result;
use clap::Subcommand;
use panelmark::import::{jd, role_file};
use panelmark::model::RoleId;

use crate::{emit, print, read_file, Ctx};

#[derive(Subcommand)]
pub enum RoleCommand {
    /// Import a role file (schemas/role.schema.json).
    Import {
        /// The role file.
        file: std::path::PathBuf,
    },
    /// Print a role as a role file.
    Export {
        /// Role id.
        id: RoleId,
    },
    /// List roles.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// `import-jd FILE [--json] [--save]`.
pub fn import_jd(ctx: &Ctx, file: &Path, json: bool, save: bool) -> Result<()> {
    let (name, bytes) = read_file(file)?;
    let draft = jd::parse_job_description(&name, &bytes)?;
    if json {
        outln!("{}", serde_json::to_string_pretty(&draft)?);
    } else {
        emit(&print::draft(&draft));
    }
    if save {
        let id = ctx.open()?.create_role(&draft.role)?;
        eprintln!("saved as role {id}");
    }
    Ok(())
}

pub fn run(ctx: &Ctx, command: &RoleCommand) -> Result<()> {
    match command {
        RoleCommand::Import { file } => {
            let (name, bytes) = read_file(file)?;
            let role = role_file::parse(&name, &bytes)?;
            let id = ctx.open()?.create_role(&role)?;
            outln!("imported role {id}: {}", role.title);
        }
        RoleCommand::Export { id } => {
            emit(&role_file::to_string(&ctx.open()?.role(*id)?.role));
        }
        RoleCommand::List { json } => {
            let roles = ctx.open()?.roles_list()?;
            if *json {
                outln!("{}", serde_json::to_string_pretty(&roles)?);
            } else {
                emit(&print::roles(&roles));
            }
        }
    }
    Ok(())
}
