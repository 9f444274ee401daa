//! XML read into a flat list of open, close and text events (quick-xml underneath), with
//! namespace prefixes dropped: the Word and OpenDocument readers only need local names.

use quick_xml::events::Event;
use quick_xml::Reader;

/// One event of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Xml {
    /// A start tag (or an empty element, which is followed by its `Close`).
    Open {
        name: String,
        attrs: Vec<(String, String)>,
    },
    Close(String),
    Text(String),
}

impl Xml {
    /// The value of an attribute of an `Open` event, by local name.
    pub fn attr(&self, local: &str) -> Option<&str> {
        match self {
            Xml::Open { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == local)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}

fn local(qualified: &str) -> String {
    qualified.rsplit(':').next().unwrap_or(qualified).to_owned()
}

fn open(e: &quick_xml::events::BytesStart) -> Xml {
    let attrs = e
        .attributes()
        .flatten()
        .map(|a| {
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_or_else(|_| a.value.to_string(), |v| v.into_owned());
            (local(a.key.as_ref()), value)
        })
        .collect();
    Xml::Open {
        name: local(e.name().as_ref()),
        attrs,
    }
}

/// Parses `bytes` (UTF-8 XML) into events. Malformed XML is an error with the parser's words.
pub(crate) fn parse(bytes: &[u8]) -> Result<Vec<Xml>, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| format!("the XML is not UTF-8 ({e})"))?;
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = false;
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => out.push(open(&e)),
            Ok(Event::Empty(e)) => {
                let event = open(&e);
                let name = match &event {
                    Xml::Open { name, .. } => name.clone(),
                    _ => String::new(),
                };
                out.push(event);
                out.push(Xml::Close(name));
            }
            Ok(Event::End(e)) => out.push(Xml::Close(local(e.name().as_ref()))),
            Ok(Event::Text(t)) => push_text(&mut out, &t.xml10_content()),
            Ok(Event::CData(t)) => push_text(&mut out, &t.xml10_content()),
            Ok(Event::GeneralRef(r)) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::unescape(&format!("&{};", r.xml10_content()))
                        .map(|s| s.into_owned())
                        .unwrap_or_default(),
                };
                push_text(&mut out, &resolved);
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(format!("the XML is malformed ({e})")),
        }
    }
    Ok(out)
}

fn push_text(out: &mut Vec<Xml>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Xml::Text(last)) = out.last_mut() {
        last.push_str(text);
    } else {
        out.push(Xml::Text(text.to_owned()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_dropped_references_resolved_and_bad_bytes_refused() {
        let got = parse(br#"<w:p w:val="a&amp;b"><w:t>x &amp; &#x41;</w:t><w:br/></w:p>"#).unwrap();
        assert_eq!(got[0].attr("val"), Some("a&b"));
        assert_eq!(got[2], Xml::Text("x & A".into()));
        assert_eq!(got[5], Xml::Close("br".into()));
        assert!(parse(b"<a \xff>").is_err());
    }
}
