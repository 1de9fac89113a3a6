// DOM helpers: text only, and only what changed (screen readers hear changes, not redraws).

export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = text;
  return e;
}

export function setText(e, text) {
  const s = text == null ? '' : String(text);
  if (e.textContent !== s) e.textContent = s;
}

export function setAttr(e, name, value) {
  if (value == null || value === false) {
    if (e.hasAttribute(name)) e.removeAttribute(name);
    return;
  }
  const s = String(value);
  if (e.getAttribute(name) !== s) e.setAttribute(name, s);
}

export function setHidden(e, hidden) {
  if (e.hidden !== hidden) e.hidden = hidden;
}

/** Keeps one child per item (by key) in the items' order: open charts and focus survive each poll. */
export function keyed(container, items, keyOf, create, update) {
  const existing = new Map();
  for (const child of container.children) existing.set(child.dataset.key, child);
  let previous = null;
  for (const item of items) {
    const key = keyOf(item);
    let node = existing.get(key);
    if (node) existing.delete(key);
    else {
      node = create(item);
      node.dataset.key = key;
    }
    update(node, item);
    const expected = previous ? previous.nextSibling : container.firstChild;
    if (node !== expected) container.insertBefore(node, expected);
    previous = node;
  }
  for (const node of existing.values()) node.remove();
}
