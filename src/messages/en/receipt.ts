import type { Catalogue } from '../catalogue.js';

export const receipt: Catalogue = {
  'ACRF-134': { description: 'the file is empty', empty: 'The file is empty (0 bytes). Send the complete declaration file again.' },
  'ACRF-184': { description: 'the file is larger than the configured limit', tooLarge: 'The file is {size} bytes, more than the limit of {limit} bytes. Split the declarations over several files.' },
  'ACRF-138': {
    description: 'encoding is not UTF-8, or the bytes are not valid UTF-8',
    declared: 'The file declares encoding "{encoding}"; only UTF-8 is accepted. Save the file as UTF-8 and send it again.',
    detected: 'The file is encoded in {encoding}; only UTF-8 is accepted. Save the file as UTF-8 and send it again.',
    invalidBytes: 'Byte {offset} of the file is not valid UTF-8. Save the file as UTF-8 and send it again.',
  },
  'ACRF-102': { description: 'not well-formed XML', notWellFormed: 'The file is not well-formed XML: {detail}. Correct the XML at this position and send the file again.' },
  'ACRF-901': {
    description: 'DOCTYPE, entity declaration or external reference present',
    doctype: 'A DOCTYPE or entity declaration is not allowed in a declaration file. Remove it and send the file again.',
    external: 'An external reference ({what}) is not allowed in a declaration file. Remove it and send the file again.',
  },
  'ACRF-902': {
    description: 'a parser limit exceeded',
    depth: 'Elements are nested more than {limit} levels deep. A declaration file never needs that; correct the file.',
    textSize: 'A text value is longer than {limit} characters. Correct the file.',
    nameLength: 'An element or attribute name is longer than {limit} characters. Correct the file.',
    attributeLength: 'An attribute value is longer than {limit} characters. Correct the file.',
    markupLength: 'A comment, processing instruction, CDATA section or tag is longer than {limit} characters. Correct the file.',
  },
  'ACRF-088': {
    description: 'unknown root element, namespace or version',
    root: 'The root element is "{found}"; a declaration file starts with FLADeclarations. Send a FLA declaration file.',
    namespace: 'The root element is in namespace "{found}"; expected urn:be:fla:declaration:v1. Correct the namespace.',
    version: 'The format version is "{found}"; this processor reads version 1. Produce the file in format version 1.',
  },
  'ACRF-255': { description: 'not valid against the XSD', schema: 'Not valid against the declaration schema: {detail}. Correct the element so that it follows fla-declaration-v1.xsd.',
    date: '{element} {value} is not a date written YYYY-MM-DD with a four-digit year (a time zone such as Z or +01:00 may follow). Correct the date.',
    year: '{element} {value} is not a four-digit year (a time zone such as Z or +01:00 may follow). Correct the year.',
  },
  'ACRF-133': { description: 'file already received from this sender', duplicate: 'This file was already received from this sender (ticket {ticket}), by name or by content. Send new declarations in a new file.' },
  'ACRF-131': { description: 'drop folder: file name does not follow the naming rules', badName: 'The file name "{name}" does not follow FI.FLAD.<sender>.<YYYYMMDD>.<sequence>.<env>.<parts>.<part>. Rename the file and send it again.' },
  'ACRF-108': { description: "drop folder: sender number in the name is not the folder's sender", otherSender: 'The sender number {found} in the file name is not the sender {sender} of this folder. Upload into your own folder, with your own sender number.' },
  'ACRF-117': { description: 'drop folder: environment letter is not R, T or S', environment: 'The environment letter "{found}" is not R (production), T (test) or S (simulation). Correct the file name.' },
  'ACRF-118': { description: 'drop folder: environment does not match the folder', wrongFolder: 'A file of environment {env} belongs in {expected}, not in {folder}. Upload it into {expected}.' },
  'ACRF-119': { description: 'drop folder: the sender withdrew the submission (TD file)', withdrawn: 'The submission was withdrawn by the file {name}: nothing in it was read or applied. Send it again under a new sequence number if it is still wanted.' },
  'ACRF-120': { description: 'drop folder: not a regular file (a symbolic link, a folder, a pipe …)', symlink: 'The file {name} is a symbolic link: neither it nor what it points to was read. Upload the file itself.', special: 'The file {name} is not a regular file (a folder, a pipe or another special file) and was not read. Upload a regular file.' },
};
