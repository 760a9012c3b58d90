// Text copied from a sender's file goes into our XML answers and reports: escape it, and drop the
// characters XML 1.0 cannot carry at all, so that no value can ever break the document.
const INVALID_XML_CHARS = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Nothing to escape or drop: most values (names, numbers, codes) are returned as they are. */
const PLAIN = /^[\u0009\u000A\u000D\u0020\u0021\u0023-\u0025\u0028-\u003B\u003D\u003F-\uD7FF\uE000-\uFFFD]*$/;

export function escapeXml(text: string): string {
  if (PLAIN.test(text)) return text;
  return text.replace(INVALID_XML_CHARS, '\uFFFD').replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
