//! Newsletter exports (being written).
