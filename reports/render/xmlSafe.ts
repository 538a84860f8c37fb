/**
 * SVG and HTML that stay well-formed whatever a label holds. XML 1.0 allows
 * no C0 control character but tab, line feed and carriage return, no lone
 * surrogate and neither U+FFFE nor U+FFFF, not even written as a character
 * reference; a scenario label holding one (an escape sequence pasted from a
 * terminal) made `targets.svg` ill-formed and `report --png` fail. Each is
 * replaced by U+FFFD, the replacement character, as are the C1 controls
 * (allowed in XML, never meant in a label). Everything else, any script or
 * emoji, is kept; markup is escaped where the text is put in (escape.ts).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** TEXT with every character XML 1.0 forbids (and the C1 controls) replaced by U+FFFD. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, "\ufffd");
}
