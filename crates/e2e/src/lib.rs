//! Browser journeys live in `tests/`; run them with `cargo xtask test`.
