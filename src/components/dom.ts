/**
 * The one DOM helper the components share: an element with a class and
 * text. Text goes in as `textContent`, never as HTML, so task names and
 * printed output from a snippet always show as text.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}
