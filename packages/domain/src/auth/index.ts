export * from './sign-in-throttle.js';
