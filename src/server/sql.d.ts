// Migrations are imported as text: vite's `?raw` in the tests, esbuild's text loader in the build.
declare module "*.sql?raw" {
  const text: string;
  export default text;
}
