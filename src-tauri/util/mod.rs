//! Leaf helpers with no knowledge of posts or the library, each written once:
//! HTML escaping, base64 and `data:` URLs, the links the app may open, and
//! the one atomic file writer.

pub mod atomic_file;
pub mod data_url;
pub mod html;
pub mod links;
