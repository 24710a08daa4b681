// Build the theme: styles/main.scss -> build/zhengwu-full.css (compressed, every
// style: what staff get, with Plone's editing UI) and build/zhengwu.css (the same,
// purged to the selectors citizens' pages use), and the scripts in js/ (in the
// order below) -> build/zhengwu.js. Run by `npm run build`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PurgeCSS } from "purgecss";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "build");
const scripts = ["a11y.js", "scene.js", "role.js", "nav.js", "voice.js", "assistant.js"];

// Where citizens' pages get their class names: our frame and scripts, Zhengwu's
// templates, views and scripts, the district profiles' content, and the Plone
// templates anonymous pages are made of (plone-classes.txt, harvested from the
// pinned Plone by scripts/theme_plone_classes.py).
const content = [
  "index.html",
  "rules.xml",
  "js/*.js",
  "plone-classes.txt",
  "../src/zhengwu/**/*.{pt,py,js,html,xml,zcml}",
  "../profiles/**/*.{toml,tsv,html,xml,json}",
].map((pattern) => join(here, pattern));

// Classes made at run time: the accessibility modes ("zw-" + mode), the body
// classes Plone computes (template-, portaltype-, section-...), states scripts set.
const safelist = {
  standard: [
    /^zw-/,
    /^(template|portaltype|section|subsection|site|userrole|viewpermission)-/,
    /^(icons-on|frontend|col-content|col-one|col-two|active|show|open|has-items)$/,
  ],
};

mkdirSync(out, { recursive: true });

const css = sass.compile(join(here, "styles", "main.scss"), {
  style: "compressed",
  loadPaths: [join(here, "node_modules")],
  // Bootstrap and the Barceloneta base still use @import and global functions.
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin", "color-functions"],
});
writeFileSync(join(out, "zhengwu-full.css"), css.css);

const [purged] = await new PurgeCSS().purge({
  content,
  css: [{ raw: css.css }],
  safelist,
  variables: true,
  keyframes: true,
  fontFace: true,
});
writeFileSync(join(out, "zhengwu.css"), purged.css);

const js = scripts
  .map((name) => `/* ${name} */\n${readFileSync(join(here, "js", name), "utf8")}`)
  .join("\n");
writeFileSync(join(out, "zhengwu.js"), js);

console.log(
  `build/zhengwu-full.css ${css.css.length} bytes, build/zhengwu.css ` +
    `${purged.css.length} bytes, build/zhengwu.js ${js.length} bytes`,
);
