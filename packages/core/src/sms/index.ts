export {
  receiveSms,
  SMS_CATEGORY_CODE,
  type ReceiveSmsDeps,
  type InboundSms,
  type SmsAnswer,
} from './receive-sms.js';
export { parseSmsCommand, type SmsCommand } from './parse-sms-command.js';
export { queueSmsReply } from './queue-sms-reply.js';
