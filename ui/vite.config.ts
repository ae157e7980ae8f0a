import { defineConfig } from "vite";

// The UI is bundled into ui/dist, which tauri.conf.json embeds in the binary.
export default defineConfig({
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  // CodeMirror is most of the bundle; one chunk loads fastest from the embedded assets.
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", sourcemap: false, chunkSizeWarningLimit: 1500 },
});
