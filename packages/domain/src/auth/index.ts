export * from './sign-in-throttle.js';
export * from './recovery-code.js';
