export { hashApiKey } from './api-key-hash.js';
export { issueApiKey } from './issue-api-key.js';
export { listApiKeys } from './list-api-keys.js';
export { revokeApiKey } from './revoke-api-key.js';
export { authenticateApiKey } from './authenticate-api-key.js';
