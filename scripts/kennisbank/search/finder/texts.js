/* The result texts (slug, title, summary) in blocks of consecutive practices (search/index.py
 * text_blocks); a shown result waits only for its own block. getJSON is handed in, as for Shards. */

import { lastAtOrBefore } from "./shards.js";

export class Texts {
  /* manifest: the page's data-finder "texts": {starts, files}. */
  constructor(manifest, getJSON) {
    this.starts = manifest.starts;
    this.files = manifest.files;
    this.getJSON = getJSON;
    this.blocks = new Array(this.files.length).fill(null);
    this.loading = new Array(this.files.length).fill(null);
  }

  blockOf(ref) {
    return lastAtOrBefore(this.starts, ref);
  }

  load(number) {
    if (!this.loading[number]) {
      this.loading[number] = this.getJSON(this.files[number]).then(
        (block) => {
          this.blocks[number] = block;
        },
        (error) => {
          this.loading[number] = null; // try again when it is needed
          throw error;
        }
      );
    }
    return this.loading[number];
  }

  /* Start fetching every block: a first page of results touches nearly all of them. */
  loadAll() {
    for (let i = 0; i < this.files.length; i++) {
      this.load(i).catch(() => {});
    }
  }

  /* A promise, or null when the texts of these practices (refs) are here already. */
  ensure(refs) {
    const pending = [];
    for (let i = 0; i < refs.length; i++) {
      const number = this.blockOf(refs[i]);
      if (!this.blocks[number] && pending.indexOf(number) === -1) {
        pending.push(number);
      }
    }
    return pending.length ? Promise.all(pending.map((number) => this.load(number))) : null;
  }

  get(ref) {
    const number = this.blockOf(ref);
    const block = this.blocks[number];
    const i = ref - this.starts[number];
    return { slug: block.slugs[i], title: block.titles[i], summary: block.summaries[i] };
  }
}
