/** Escaping text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Tagged-template-free helper: `<tag attrs>escaped text</tag>`. */
export function tag(name: string, text: string, attrs = ""): string {
  return `<${name}${attrs ? " " + attrs : ""}>${escapeHtml(text)}</${name}>`;
}
