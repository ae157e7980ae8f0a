//! Publishing: from the library to where readers see it.

pub mod site_repo;
