/** Vite's `?raw` import: a file's text, as the Worker tests read fixtures written for the CLI. */
declare module "*?raw" {
  const text: string;
  export default text;
}
