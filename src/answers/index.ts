// The answers stage: receipt (ACRF) and notification (NOTI), written atomically (ACK.md).
export { writeReceipt, receiptResult, type ReceiptInput, type ReceiptReport } from './receipt.js';
export {
  writeNotification,
  groupFindings,
  formResultCode,
  personResultCode,
  formIdentity,
  personIdentity,
  type NotificationInput,
  type NotificationReport,
  type FormOutcome,
  type PersonOutcome,
  type WindowCounters,
  type CounterFigures,
  type RightTypeName,
  type FormGroup,
  type PersonGroup,
  type Grouped,
} from './notification.js';
export type { AnswerHeader, Environment, Processor } from './common.js';
export { writeAnswerFile, writeAnswerFileSync, type WriteAnswerOptions } from './write-file.js';
export { newTicket, isTicket } from './ticket.js';
export { answerPaths, type AnswerPaths } from './paths.js';
export { formatTimestamp, cap, MAX_VALUE_CHARS, ACK_NS } from './xml.js';
