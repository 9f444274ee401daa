//! The one error shape that crosses IPC: `{ code, message }`. The UI branches on `code`
//! (stable), and shows `message` (readable) to the user.

use serde::Serialize;
use ts_rs::TS;

/// An error as the UI receives it when a command's promise rejects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct IpcError {
    /// Stable machine-readable code: the core's `Error::code()`, or one of the shell's own
    /// (`no_database`, `no_user`, `config`).
    pub code: String,
    /// What went wrong, in words a user can act on.
    pub message: String,
}

impl IpcError {
    /// An error with the given code and message.
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        IpcError {
            code: code.to_owned(),
            message: message.into(),
        }
    }

    /// A command that needs a database ran before one was opened.
    pub fn no_database() -> Self {
        Self::new(
            "no_database",
            "No database is open. Open or create one on the Start screen.",
        )
    }

    /// A change was attempted before the user said who they are.
    pub fn no_user() -> Self {
        Self::new(
            "no_user",
            "Choose who you are on the Start screen first: every read and change is made as a user of this file.",
        )
    }
}

impl From<panelmark::Error> for IpcError {
    fn from(error: panelmark::Error) -> Self {
        IpcError {
            code: error.code().to_owned(),
            message: error.to_string(),
        }
    }
}

impl std::fmt::Display for IpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

/// The result every command returns.
pub type IpcResult<T> = Result<T, IpcError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_errors_keep_their_code_and_readable_message() {
        let err: IpcError = panelmark::Error::not_found("role", 7).into();
        assert_eq!(err.code, "not_found");
        assert_eq!(err.message, "role 7 not found");
    }

    #[test]
    fn it_serialises_as_code_and_message_only() {
        let json = serde_json::to_value(IpcError::no_database()).unwrap();
        let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            ["code", "message"],
            "the UI's AppError has exactly these"
        );
        assert_eq!(json["code"], "no_database");
    }
}
