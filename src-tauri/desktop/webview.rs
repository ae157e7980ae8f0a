//! WebKitGTK settings for the app's one window: what costs memory or start-up
//! time without benefit in a one-page app that loads nothing from the network.

/// Turn off what the window does not need:
/// - hardware acceleration (GPU compositing): the page is a text editor and
///   a preview; without a GPU (a VM, Xvfb, some laptops' drivers) WebKit
///   composites through Mesa's software GL (llvmpipe), which loads LLVM into
///   the web process, compiles shaders on a `SkiaGPUWorker` thread at start-up
///   and keeps GL buffers: measured under Xvfb, ~110 MiB more resident
///   memory in the web process and a compositor pass before each frame;
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
        if let Some(settings) = WebViewExt::settings(&view) {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            settings.set_enable_page_cache(false);
            settings.set_enable_webgl(false);
        }
        if let Some(context) = view.context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
        tracing::info!("webview: no GPU compositing, page cache off, document-viewer cache model");
    });
    if let Err(e) = done {
        tracing::warn!(error = %e, "could not change the webview's settings");
    }
}

#[cfg(not(target_os = "linux"))]
pub fn lighten(_window: &tauri::WebviewWindow) {}
