// Helpers shared by the admin pages. Server data only ever becomes text nodes: it is never parsed as HTML.
window.TrolysoAdmin = {
  /** An element with attributes; string children become text nodes. */
  el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    children.forEach(c => e.append(c));
    return e;
  },
  /** The page's status line (#status), red when it reports an error. */
  say(text, error) {
    const status = document.getElementById('status');
    status.textContent = text;
    status.className = error ? 'error' : '';
  }
};
