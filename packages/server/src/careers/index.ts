/** Public surface of the careers slice: skill profiles, occupations, organisation roles, goals and gaps. */
export { buildSkillProfile } from './build-skill-profile.js';
export type { BuiltProfile, EarnedRecord } from './build-skill-profile.js';
export { computeGap } from './compute-gap.js';
export type { Requirement } from './compute-gap.js';
export { goalRequirements } from './goal-requirements.js';
export { importOccupations, ensureOccupations, bundledOccupations } from './import-occupations.js';
export { seedCareersDemo } from './seed-careers-demo.js';
export { careerRoutes } from './routes.js';
