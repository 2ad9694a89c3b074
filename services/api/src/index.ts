export { buildApp, BODY_LIMIT, type AppDeps } from './app.js';
export { refuseDemoCredentials, DemoCredentialsError } from './refuse-demo-credentials.js';
