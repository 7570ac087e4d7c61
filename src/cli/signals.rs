//! Ctrl-C and SIGTERM during a build.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crate::serve;

/// A flag set by Ctrl-C or SIGTERM, for a build to stop at: it then
/// removes its staging folder and leaves the output folder as it was. A
/// second signal stops at once (the next build removes what is left).
pub(super) fn interrupted() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    let set = flag.clone();
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return flag;
    };
    // Installed now, before the build starts, not when the thread runs.
    let Ok(first) = runtime.block_on(async { serve::shutdown_signal() }) else {
        return flag;
    };
    let _ = std::thread::Builder::new()
        .name("campaign-signals".into())
        .spawn(move || {
            runtime.block_on(async move {
                first.await;
                set.store(true, std::sync::atomic::Ordering::SeqCst);
                if let Ok(second) = serve::shutdown_signal() {
                    second.await;
                    std::process::exit(130);
                }
            })
        });
    flag
}
