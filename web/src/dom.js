// DOM helpers. Ledger text (article sentences, outlets, titles, names) is untrusted: it only ever reaches the
// page as text nodes or attribute values set through DOM APIs, never as markup.

/** Create an element: h('p', {class: 'x', onclick: fn}, 'text', child, ...). Strings become text nodes. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** SVG element with attributes (numbers and strings only). */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value !== undefined && value !== null) el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Remove every child of an element. */
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** A URL that is safe to put in href: only http(s) URLs, else null. */
export function safeHref(url) {
  if (typeof url !== 'string') return null;
  if (!/^https?:\/\//i.test(url.trim())) return null;
  try {
    const u = new URL(url.trim());
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
  } catch (e) { /* not a URL */ }
  return null;
}
