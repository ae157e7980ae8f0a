//! WebKitGTK settings for the app's one window: what costs memory or start-up
//! time without benefit in a one-page app that loads nothing from the network.

/// Turn off what the window does not need:
/// - hardware acceleration (GPU compositing) on a machine without a GPU
///   (no DRM render node: a VM, Xvfb, a remote session). There WebKit
///   composites through Mesa's software GL (llvmpipe), which loads LLVM into
///   the web process, compiles shaders on a `SkiaGPUWorker` thread at start-up
///   and keeps GL buffers: measured under Xvfb, ~110 MiB more resident
///   memory in the web process and a compositor pass before each frame.
///   With a GPU, WebKit's default stays: painting a laptop's (HiDPI) window
///   on the CPU would make every frame slower;
/// - the back/forward page cache (one page, never navigated away from);
/// - WebGL (no canvas in the app);
/// - the document-viewer cache model (the smallest memory caches).
#[cfg(target_os = "linux")]
pub fn lighten(window: &tauri::WebviewWindow) {
    let done = window.with_webview(|webview| {
        use webkit2gtk::{
            CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
        };
        let view = webview.inner();
        let gpu = has_gpu();
        if let Some(settings) = WebViewExt::settings(&view) {
            if !gpu {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
            settings.set_enable_page_cache(false);
            settings.set_enable_webgl(false);
        }
        if let Some(context) = view.context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
        super::startup_mark("webview settings applied");
        tracing::info!(
            "webview: {}, page cache off, document-viewer cache model",
            if gpu {
                "GPU compositing (a GPU is present)"
            } else {
                "no GPU compositing (no GPU)"
            }
        );
    });
    if let Err(e) = done {
        tracing::warn!(error = %e, "could not change the webview's settings");
    }
}

/// True when the machine has a GPU WebKit can render with: a DRM render
/// node (`/dev/dri/renderD128`, …). Without one, GL is Mesa's software
/// renderer. (Also what the e2e tests' bare WebKit window is set up by.)
#[cfg(target_os = "linux")]
pub fn has_gpu() -> bool {
    std::fs::read_dir("/dev/dri")
        .map(|dir| {
            dir.flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false)
}

#[cfg(not(target_os = "linux"))]
pub fn lighten(_window: &tauri::WebviewWindow) {}
