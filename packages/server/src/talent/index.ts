/** Public surface of the talent slice: consent-based employer search, profiles, contact requests and the learner's audit view. */
export { talentRoutes } from './routes.js';
export { seedTalentDemo } from './seed-talent-demo.js';
export { TALENT_POLICIES, authorizeTalent } from './policies.js';
