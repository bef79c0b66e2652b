/* Facets: each practice's values as numbers (data.json, SearchData.finder_data), counted with typed
 * arrays. Within a facet any selected value will do, across facets all must hold (query.Filters). */

export class Facets {
  constructor(data) {
    this.count = data.count;
    this.list = [];
    this.byAttribute = {};
    for (const attribute in data.facetValues) {
      const spec = data.facetValues[attribute];
      const offsets = new Uint32Array(data.count + 1);
      const lengths = spec.lengths;
      for (let i = 0; i < data.count; i++) {
        offsets[i + 1] = offsets[i] + lengths[i];
      }
      const ids = data.facets[spec.facet].map((term) => term[0]);
      const facet = {
        attribute,
        ids,
        names: new Map(data.facets[spec.facet]),
        position: new Map(ids.map((id, number) => [id, number])),
        offsets,
        values: spec.values, // vocabulary positions, a plain array of small integers as JSON gave it
      };
      this.list.push(facet);
      this.byAttribute[attribute] = facet;
    }
  }

  /* The names of a practice's values of one facet, as a result shows them. */
  names(attribute, ref) {
    const facet = this.byAttribute[attribute];
    const out = [];
    for (let k = facet.offsets[ref]; k < facet.offsets[ref + 1]; k++) {
      out.push(facet.names.get(facet.ids[facet.values[k]]));
    }
    return out.join(", ");
  }

  /* The hits (refs, best first) every selection accepts, and per facet value the results it would give
   * with the other facets' selections kept: a hit rejected by one facet only still counts for that facet.
   * Facet by facet over all hits, so each loop is short and the same for every hit.
   * selected: {attribute: [id, ...]}; returns {shown: Int32Array of refs, counts: {attribute: Uint32Array
   * by vocabulary position}}. */
  apply(hits, selected) {
    const n = hits.length;
    const rejections = new Uint8Array(n);
    const rejectedBy = new Int8Array(n);
    const list = this.list;
    for (let f = 0; f < list.length; f++) {
      const facet = list[f];
      const chosen = selected[facet.attribute] || [];
      if (!chosen.length) {
        continue;
      }
      const wanted = new Uint8Array(facet.ids.length);
      chosen.forEach((id) => {
        if (facet.position.has(id)) {
          wanted[facet.position.get(id)] = 1;
        }
      });
      const offsets = facet.offsets;
      const values = facet.values;
      for (let h = 0; h < n; h++) {
        const ref = hits[h];
        let ok = false;
        for (let k = offsets[ref]; k < offsets[ref + 1]; k++) {
          if (wanted[values[k]]) {
            ok = true;
            break;
          }
        }
        if (!ok) {
          rejections[h] += 1;
          rejectedBy[h] = f;
        }
      }
    }
    const counts = {};
    for (let f = 0; f < list.length; f++) {
      const facet = list[f];
      const offsets = facet.offsets;
      const values = facet.values;
      const tally = new Uint32Array(facet.ids.length);
      for (let h = 0; h < n; h++) {
        if (rejections[h] === 0 || (rejections[h] === 1 && rejectedBy[h] === f)) {
          const ref = hits[h];
          for (let k = offsets[ref]; k < offsets[ref + 1]; k++) {
            tally[values[k]] += 1;
          }
        }
      }
      counts[facet.attribute] = tally;
    }
    const shown = new Int32Array(n);
    let shownCount = 0;
    for (let h = 0; h < n; h++) {
      if (rejections[h] === 0) {
        shown[shownCount++] = hits[h];
      }
    }
    return { shown: shown.subarray(0, shownCount), counts };
  }
}
