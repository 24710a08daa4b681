// Build the theme: styles/main.scss -> build/zhengwu.css (compressed) and the scripts
// in js/ (in the order below) -> build/zhengwu.js. Run by `npm run build`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "build");
const scripts = ["a11y.js", "scene.js", "role.js", "nav.js"];

mkdirSync(out, { recursive: true });

const css = sass.compile(join(here, "styles", "main.scss"), {
  style: "compressed",
  loadPaths: [join(here, "node_modules")],
  // Bootstrap and the Barceloneta base still use @import and global functions.
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin", "color-functions"],
});
writeFileSync(join(out, "zhengwu.css"), css.css);

const js = scripts
  .map((name) => `/* ${name} */\n${readFileSync(join(here, "js", name), "utf8")}`)
  .join("\n");
writeFileSync(join(out, "zhengwu.js"), js);

console.log(`build/zhengwu.css ${css.css.length} bytes, build/zhengwu.js ${js.length} bytes`);
