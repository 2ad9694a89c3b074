export * from './roles.js';
export * from './case-model.js';
export * from './case-events.js';
export { applyEvent, projectCase } from './project-case.js';
export { decideInitialRouting, type RoutingContext } from './route-case.js';
export {
  TRACKING_ALPHABET,
  trackingCodeFromBytes,
  normalizeTrackingCode,
  isValidTrackingCode,
  formatTrackingCode,
} from './tracking-code.js';
export { normalizeVietnamesePhone, type PhoneResult } from './phone.js';
export { describePublicEvent, type LocalizedText } from './public-timeline.js';
export * from './calendar/index.js';
