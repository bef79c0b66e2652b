/* The finder's state in the address: ?q=nazorg&thema=nazorg&regio=twente. facets: [[attribute, param]],
 * as the page's fieldsets name them (data-facet, data-param; facets.py FACETS). A state is
 * {q: the text typed, selected: {attribute: [id, ...]}}. */

/* The state in a query string (location.search). */
export function readState(search, facets) {
  const params = new URLSearchParams(search);
  const state = { q: params.get("q") || "", selected: {} };
  for (const [attribute, param] of facets) {
    state.selected[attribute] = params.getAll(param);
  }
  return state;
}

/* The address of a state: the path, and a query string unless there is nothing to say. */
export function stateUrl(pathname, state, facets) {
  const params = new URLSearchParams();
  if (state.q.trim()) {
    params.append("q", state.q.trim());
  }
  for (const [attribute, param] of facets) {
    (state.selected[attribute] || []).forEach((value) => params.append(param, value));
  }
  const query = params.toString();
  return pathname + (query ? "?" + query : "");
}
