//! Site exports (being written).
