// Building DOM nodes: every node is made with DOM methods, never from HTML strings.

/** An element with attributes (`text` sets its text; false, null and undefined are left out)
 *  and children (falsy children are left out). */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  node.append(...children.filter(Boolean));
  return node;
}

/** Sets a node's text only when it changes (a slider move rewrites only what moved). */
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}
