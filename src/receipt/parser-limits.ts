// libxml2's own parser limits (parser.c, without XML_PARSE_HUGE, which fla never sets): hitting one
// is ACRF-902, a limit exceeded, not ACRF-102, and the sender reads which limit in plain words
// rather than libxml2's advice to "use XML_PARSE_HUGE option".
import { DOMAIN, type LibxmlError } from './xsd-protocol.js';

/** XML_MAX_NAME_LENGTH and XML_MAX_TEXT_LENGTH of parserInternals.h; the depth of xmlParserMaxDepth. */
const MAX_NAME_CHARS = 50_000;
const MAX_MARKUP_CHARS = 10_000_000;
const MAX_DEPTH = 256;

/** xmlerror.h: XML_ERR_NAME_TOO_LONG. */
const NAME_TOO_LONG = 110;

export interface ParserLimit {
  readonly messageId: 'nameLength' | 'attributeLength' | 'markupLength' | 'depth';
  readonly limit: number;
}

/** The limit a libxml2 error reports, or undefined when it is another error. */
export function parserLimitOf(error: LibxmlError): ParserLimit | undefined {
  if (error.domain !== DOMAIN.PARSER) return undefined;
  // Some limits share their code with ordinary errors (an unfinished comment, say): the message tells.
  const message = error.message;
  if (error.code === NAME_TOO_LONG) return { messageId: 'nameLength', limit: MAX_NAME_CHARS };
  if (message.startsWith('AttValue length too long')) return { messageId: 'attributeLength', limit: MAX_MARKUP_CHARS };
  if (/^(Comment|PI .*|CData section) too big found/.test(message) || message.startsWith('Huge input lookup')) return { messageId: 'markupLength', limit: MAX_MARKUP_CHARS };
  if (message.startsWith('Excessive depth in document')) return { messageId: 'depth', limit: MAX_DEPTH };
  return undefined;
}
