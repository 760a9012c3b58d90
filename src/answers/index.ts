// The answers stage: receipt (ACRF) and notification (NOTI), written atomically (ACK.md).
export { writeReceipt, receiptResult, type ReceiptInput, type ReceiptReport } from './receipt.js';
export {
  writeNotification,
  notificationChunks,
  arraySource,
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
  type FormSource,
  type NotificationStreamInput,
} from './notification.js';
export type { AnswerHeader, Environment, Processor } from './common.js';
export { writeAnswerFile, writeAnswerFileSync, type WriteAnswerOptions, type AnswerText } from './write-file.js';
export { newTicket, isTicket } from './ticket.js';
export { answerPaths, type AnswerPaths } from './paths.js';
export { formatTimestamp, cap, hours, MAX_VALUE_CHARS, ACK_NS } from './xml.js';
