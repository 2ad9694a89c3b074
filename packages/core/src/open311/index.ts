export * from './open311-views.js';
export { listOpen311Services, getOpen311ServiceDefinition } from './list-open311-services.js';
export {
  listOpen311Requests,
  getOpen311Request,
  getOpen311Token,
  OPEN311_LIMIT,
  OPEN311_WINDOW_MS,
} from './list-open311-requests.js';
export { submitOpen311Request, type SubmitOpen311Deps } from './submit-open311-request.js';
