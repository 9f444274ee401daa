//! What a moderator reads and writes out: `results`, `flags`, `stats`, `export`, and `audit`.

use std::path::Path;

use anyhow::Result;
use panelmark::model::CampaignId;
use panelmark::store::AuditFilter;

use crate::{emit, print, progress, CampaignArgs, Ctx, FlagArgs};

/// `results --campaign ID [--json]`: the merit list.
pub fn results(ctx: &Ctx, args: &CampaignArgs) -> Result<()> {
    let results = ctx.open()?.results(args.campaign)?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&results)?);
    } else {
        emit(&print::results(&results));
    }
    Ok(())
}

/// `flags --campaign ID [--json]`.
pub fn flags(ctx: &Ctx, args: &CampaignArgs, thresholds: &FlagArgs, save: bool) -> Result<()> {
    let mut session = ctx.open()?;
    let settings = thresholds.over(session.flag_settings(args.campaign)?);
    if save {
        session.set_flag_settings(args.campaign, &settings)?;
    }
    let flags = session.flags(args.campaign, &settings)?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&flags)?);
    } else {
        emit(&print::flags(&session, args.campaign, &flags)?);
    }
    Ok(())
}

/// `stats --campaign ID [--json]`.
pub fn stats(ctx: &Ctx, args: &CampaignArgs) -> Result<()> {
    let stats = ctx.open()?.stats(args.campaign)?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&stats)?);
    } else {
        emit(&print::stats(&stats));
    }
    Ok(())
}

/// What `export` writes.
pub struct ExportArgs<'a> {
    pub campaign: CampaignId,
    pub out: &'a Path,
    pub options: panelmark::export::ExportOptions,
    /// Thresholds given on the command line, over the campaign's own.
    pub thresholds: &'a FlagArgs,
}

/// `export --campaign ID --out DIR ...`, with a progress bar.
pub fn export(ctx: &Ctx, mut args: ExportArgs) -> Result<()> {
    let session = ctx.open_signing()?;
    let stored = session.flag_settings(args.campaign)?;
    args.options.flag_settings = Some(args.thresholds.over(stored));
    let bar = progress::Bar::new("writing evidence packs");
    let summary =
        session.export_campaign(args.campaign, args.out, &args.options, |done, total| {
            bar.set(done, total)
        })?;
    bar.finish();
    outln!(
        "wrote {} files ({} PDF pages) to {}",
        summary.files.len(),
        summary.pdf_pages,
        args.out.display()
    );
    Ok(())
}

/// `audit [--campaign ID] [--limit N] [--json]`.
pub fn audit(
    ctx: &Ctx,
    campaign: Option<CampaignId>,
    limit: Option<usize>,
    json: bool,
) -> Result<()> {
    let filter = AuditFilter {
        campaign,
        limit,
        ..Default::default()
    };
    let events = ctx.open()?.audit_events(&filter)?;
    for e in events {
        if json {
            outln!("{}", serde_json::to_string(&e)?);
        } else {
            outln!(
                "{:>6}  {}  {:<14} {:<18} {}",
                e.seq,
                e.at,
                e.actor,
                e.action,
                e.entity
            );
        }
    }
    Ok(())
}
