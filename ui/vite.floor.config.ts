import { defineConfig } from "vite";

// The e2e typing floor (floor/editor.ts: the app's editor alone) as one
// script and one style sheet, fonts inlined, which tests/e2e/startup.rs
// puts into a page for WebKitGTK's MiniBrowser. Not part of the app.
export default defineConfig({
  clearScreen: false,
  build: {
    outDir: "dist-floor",
    emptyOutDir: true,
    target: "es2022",
    lib: { entry: "floor/editor.ts", formats: ["iife"], name: "postdeskFloor", fileName: () => "floor.js", cssFileName: "floor" },
  },
});
