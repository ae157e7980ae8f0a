// Vite's `?raw` imports (the text of a file) and `import.meta.glob`, for the
// catalogues and for the test that looks for English left in the views.
declare module "*.ftl?raw" {
  const text: string;
  export default text;
}
declare module "*.html?raw" {
  const text: string;
  export default text;
}
interface ImportMeta {
  glob(pattern: string, options: { query: "?raw"; import: "default"; eager: true }): Record<string, string>;
}
