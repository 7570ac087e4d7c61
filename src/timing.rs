//! Phase timings for profiling, printed to stderr when `CAMPAIGN_TIMINGS`
//! is set: `CAMPAIGN_TIMINGS=1 campaign build`.

use std::sync::OnceLock;
use std::time::Instant;

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("CAMPAIGN_TIMINGS").is_some())
}

/// Measures consecutive phases.
pub(crate) struct Phases(Instant);

impl Phases {
    pub(crate) fn start() -> Self {
        Phases(Instant::now())
    }

    /// Prints how long the phase that just ended took, and starts the next.
    pub(crate) fn end(&mut self, phase: &str) {
        if enabled() {
            eprintln!(
                "timing: {phase}: {:.1} ms",
                self.0.elapsed().as_secs_f64() * 1000.0
            );
        }
        self.0 = Instant::now();
    }
}
