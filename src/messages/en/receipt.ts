import type { Catalogue } from '../catalogue.js';

export const receipt: Catalogue = {
  'ACRF-134': { empty: 'The file is empty (0 bytes). Send the complete declaration file again.' },
  'ACRF-184': { tooLarge: 'The file is {size} bytes, more than the limit of {limit} bytes. Split the declarations over several files.' },
  'ACRF-138': {
    declared: 'The file declares encoding "{encoding}"; only UTF-8 is accepted. Save the file as UTF-8 and send it again.',
    detected: 'The file is encoded in {encoding}; only UTF-8 is accepted. Save the file as UTF-8 and send it again.',
    invalidBytes: 'Byte {offset} of the file is not valid UTF-8. Save the file as UTF-8 and send it again.',
  },
  'ACRF-102': { notWellFormed: 'The file is not well-formed XML: {detail}. Correct the XML at this position and send the file again.' },
  'ACRF-901': {
    doctype: 'A DOCTYPE or entity declaration is not allowed in a declaration file. Remove it and send the file again.',
    external: 'An external reference ({what}) is not allowed in a declaration file. Remove it and send the file again.',
  },
  'ACRF-902': {
    depth: 'Elements are nested more than {limit} levels deep. A declaration file never needs that; correct the file.',
    textSize: 'A text value is longer than {limit} characters. Correct the file.',
  },
  'ACRF-088': {
    root: 'The root element is "{found}"; a declaration file starts with FLADeclarations. Send a FLA declaration file.',
    namespace: 'The root element is in namespace "{found}"; expected urn:be:fla:declaration:v1. Correct the namespace.',
    version: 'The format version is "{found}"; this processor reads version 1. Produce the file in format version 1.',
  },
  'ACRF-255': { schema: 'Not valid against the declaration schema: {detail}. Correct the element so that it follows fla-declaration-v1.xsd.' },
};
