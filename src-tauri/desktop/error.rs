//! Errors cross IPC as `{code, message}`: the UI branches on the code and
//! shows the message, which is already a plain sentence.

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct IpcError {
    pub code: &'static str,
    pub message: String,
}

impl From<crate::Error> for IpcError {
    fn from(e: crate::Error) -> Self {
        IpcError {
            code: e.code(),
            message: e.to_string(),
        }
    }
}

impl IpcError {
    pub fn poisoned() -> Self {
        IpcError {
            code: "internal",
            message: "Postdesk hit an internal error; restart it. Nothing saved was lost.".into(),
        }
    }
}

pub type IpcResult<T> = Result<T, IpcError>;
