//! The logs of the server's programs: written to standard error, filtered by `RUST_LOG`
//! (`info` when unset).

use tracing_subscriber::EnvFilter;

pub fn installer() {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
}
