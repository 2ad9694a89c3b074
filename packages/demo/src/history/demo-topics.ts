import type { Topic } from './topic-types.js';
import { LAND_AND_URBAN_TOPICS } from './topics-land-urban.js';
import { PUBLIC_SERVICE_TOPICS } from './topics-public-service.js';
import { SOCIAL_TOPICS } from './topics-social.js';

/** Every topic of the demo history, by category. */
export const DEMO_TOPICS: readonly Topic[] = [
  ...LAND_AND_URBAN_TOPICS,
  ...PUBLIC_SERVICE_TOPICS,
  ...SOCIAL_TOPICS,
];
