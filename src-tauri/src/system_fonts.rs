//! The desktop's own font family, handed to the page before its first script runs, so the page
//! can name it ahead of `system-ui`.
//!
//! Why: WebKitGTK (the webview on Linux) resolves `system-ui` to the family in GTK's
//! `gtk-font-name` setting ("Cantarell 11" on GNOME, "Sans 10" where nothing sets it), but pays
//! for the lookup on every size and weight the page draws, and it looks `ui-monospace` up as a
//! family that does not exist before falling back to `monospace`. Measured on the build machine
//! (2026-12-03, a bare WebKitGTK window drawing 24 sizes and weights): `system-ui, sans-serif`
//! 120–176 ms from navigation to paint, against 64–86 for an installed family named first and
//! 61–86 for `sans-serif`; the app's first frame was 20–30 ms sooner without `system-ui`.
//!
//! Where GTK's font is the default ("Sans 10", as on the build machine) the page looks exactly
//! as before, pixel for pixel; it only skips the slow path. Where the desktop sets another
//! family, WebKitGTK's own `system-ui` drew some text in it and fell back to `sans-serif` for
//! the rest (seen with "DejaVu Serif 11" in GTK's settings.ini: regular text in DejaVu Sans,
//! bold labels in DejaVu Serif); named, the family is used throughout, which is what `system-ui`
//! means: the desktop's font. The family is read here, in
//! the shell (GTK's settings live in the UI process), and given to the page through an
//! initialisation script, which runs before the page's own scripts: no IPC round trip before
//! the first frame. Elsewhere (Windows, macOS) nothing is named and the page keeps its stacks.

use serde::Serialize;
use ts_rs::TS;

/// What the page needs to name the desktop's fonts (`window.__PANELMARK_SYSTEM_FONTS__`, read
/// by `ui/src/lib/systemFonts.ts`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SystemFonts {
    /// The family `system-ui` stands for in this webview, to name first; `None`: keep the stack.
    pub sans: Option<String>,
    /// This webview has no `ui-monospace` (WebKitGTK): the page's monospace stack draws the
    /// same font sooner without it.
    pub no_ui_monospace: bool,
}

impl SystemFonts {
    /// The desktop's fonts as this webview sees them. On Linux, call it on the main thread once
    /// GTK is initialised (Tauri's `setup`): it reads GTK's settings.
    pub fn of_this_desktop() -> Self {
        #[cfg(target_os = "linux")]
        {
            use gtk::prelude::ObjectExt;
            let font_name = gtk::Settings::default()
                .and_then(|settings| settings.property::<Option<String>>("gtk-font-name"));
            SystemFonts {
                sans: font_name.as_deref().and_then(family_of_gtk_font),
                no_ui_monospace: true,
            }
        }
        #[cfg(not(target_os = "linux"))]
        {
            SystemFonts::default()
        }
    }

    /// The initialisation script that hands these to the page. The value is JSON (a JavaScript
    /// literal), and the family in it is a plain name (`family_of_gtk_font`).
    pub fn init_script(&self) -> String {
        let json = serde_json::to_string(self).expect("SystemFonts serialises");
        format!("window.__PANELMARK_SYSTEM_FONTS__ = Object.freeze({json});")
    }
}

/// The family in a GTK font setting ("Cantarell 11" → "Cantarell"), cut as WebKitGTK cuts it:
/// the size is what follows the last space. Only a plain name is used (letters of any script,
/// digits, spaces, `-`, `_`, `.`; at most 64 characters): it goes into a page style.
pub fn family_of_gtk_font(setting: &str) -> Option<String> {
    let setting = setting.trim();
    let family = match setting.rfind(' ') {
        Some(space) => &setting[..space],
        None => setting,
    }
    .trim();
    let plain = !family.is_empty()
        && family.chars().count() <= 64
        && family
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.'));
    plain.then(|| family.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_family_is_the_setting_without_its_size() {
        assert_eq!(family_of_gtk_font("Cantarell 11"), Some("Cantarell".into()));
        assert_eq!(family_of_gtk_font("Sans 10"), Some("Sans".into()));
        assert_eq!(
            family_of_gtk_font("Noto Sans CJK JP 10.5"),
            Some("Noto Sans CJK JP".into())
        );
        assert_eq!(
            family_of_gtk_font(" Ubuntu Sans 11 "),
            Some("Ubuntu Sans".into())
        );
        // No size: the whole setting is the family, as WebKitGTK reads it.
        assert_eq!(family_of_gtk_font("Cantarell"), Some("Cantarell".into()));
    }

    #[test]
    fn a_name_that_could_break_out_of_a_css_string_is_not_used() {
        for bad in [
            "",
            "   ",
            "Evil\", sans-serif; color: red 11",
            "Back\\slash 10",
            "semi;colon 10",
            "brace} 10",
            "new\nline 10",
            "</script> 10",
        ] {
            assert_eq!(family_of_gtk_font(bad), None, "{bad:?}");
        }
        assert_eq!(family_of_gtk_font(&format!("{} 10", "x".repeat(65))), None);
        assert!(family_of_gtk_font(&format!("{} 10", "x".repeat(64))).is_some());
    }

    #[test]
    fn the_script_sets_one_frozen_global_the_page_reads() {
        let fonts = SystemFonts {
            sans: Some("Cantarell".into()),
            no_ui_monospace: true,
        };
        assert_eq!(
            fonts.init_script(),
            "window.__PANELMARK_SYSTEM_FONTS__ = \
             Object.freeze({\"sans\":\"Cantarell\",\"no_ui_monospace\":true});"
        );
        assert_eq!(
            SystemFonts::default().init_script(),
            "window.__PANELMARK_SYSTEM_FONTS__ = \
             Object.freeze({\"sans\":null,\"no_ui_monospace\":false});"
        );
    }
}
