// Text meant for a terminal shows file names and declared values as they are, except the characters
// that act on the terminal instead: control characters (an ESC starts a command sequence, a CR
// overwrites the line) and the bidirectional overrides and isolates, which make a line read
// otherwise than it is (a name ending in "lmx.exe" that shows as "exe.xml").

/** C0 controls and DEL, C1 controls, the Arabic letter mark, LRM/RLM, the line and paragraph separators, the embeddings, overrides and isolates. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** Each unsafe character as an escape that shows what it is: `\x1b`, `\u202e`. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
