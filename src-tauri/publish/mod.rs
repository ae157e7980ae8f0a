//! Publishing posts beyond the library: to a static site's repository
//! (`site_repo`, through the system git) and to a WordPress site through its
//! REST API (`wordpress/`). Exports to files live in `crate::export`; this
//! module talks to other systems and remembers what it put there
//! (`store::wordpress`).

pub mod site_repo;
pub mod wordpress;
