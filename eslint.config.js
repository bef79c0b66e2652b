// ESLint for the site's own scripts (make lint): the finder's ES modules, their node tests, and the
// classic scripts in docs/assets. Pinned in package.json/package-lock.json, installed by `npm ci`.
import js from "@eslint/js";
import globals from "globals";

const strict = {
  "no-var": "error",
  "prefer-const": "error",
  eqeqeq: ["error", "always"],
  "no-implicit-globals": "error",
  "no-restricted-syntax": ["error", { selector: "CallExpression[callee.name='eval']", message: "No eval." }],
};

export default [
  { ignores: ["node_modules/", "site/", ".venv/", ".site-new/", ".site-old/", "pdf/"] },
  js.configs.recommended,
  {
    // The pure modules run in the browser and in node alike: no DOM, no window, no node APIs.
    files: ["scripts/kennisbank/search/finder/*.js"],
    ignores: ["scripts/kennisbank/search/finder/finder.js"],
    languageOptions: { sourceType: "module", globals: { URLSearchParams: "readonly" } },
    rules: strict,
  },
  {
    // The one module that touches the page.
    files: ["scripts/kennisbank/search/finder/finder.js"],
    languageOptions: { sourceType: "module", globals: globals.browser },
    rules: strict,
  },
  {
    // "Mijn selectie": list.js is pure (node tests it); the others touch the page.
    files: ["scripts/kennisbank/selection/list.js"],
    languageOptions: { sourceType: "module", globals: {} },
    rules: strict,
  },
  {
    files: ["scripts/kennisbank/selection/*.js"],
    ignores: ["scripts/kennisbank/selection/list.js"],
    languageOptions: { sourceType: "module", globals: globals.browser },
    rules: strict,
  },
  {
    files: ["tests/js/**/*.mjs", "eslint.config.js"],
    languageOptions: { sourceType: "module", globals: globals.node },
    rules: strict,
  },
  {
    // The little of lunr that lunr.nl's stemmer needs: a classic script, loaded before the finder's modules.
    files: ["scripts/kennisbank/search/lunr-base.js"],
    languageOptions: { sourceType: "script", globals: {} },
    rules: strict,
  },
  {
    files: ["docs/assets/*.js"],
    languageOptions: { sourceType: "script", globals: globals.browser },
    // ES5 style, as written: `catch (error)` where the error is not needed.
    rules: { "no-unused-vars": ["error", { caughtErrors: "none" }] },
  },
];
