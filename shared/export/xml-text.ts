// Process: any (pure). Text made safe for XML 1.0 attribute values and element content.

/**
 * XML 1.0 forbids most control characters and lone surrogates even when escaped: a parser (Gephi's included)
 * stops at the first one. A contact's notes can hold anything pasted, so such characters are dropped.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Kept as characters, a tab or line break in an attribute would be normalised to a space by the reader.
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
