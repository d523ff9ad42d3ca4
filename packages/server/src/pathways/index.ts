/** The public surface of the pathways slice: the only module other slices import. */
export { awardPathwayCompletion, pathwayAwardKey } from './award-completion.js';
export { pathwaysAwardingAchievements } from './awarded-by-pathway.js';
export { evaluateLearnerPathways } from './evaluate-learner.js';
export { evaluatePathwayForAll } from './evaluate-pathway-for-all.js';
export { evaluateRecognisingPathways } from './evaluate-recognising.js';
export { createPathway } from './create-pathway.js';
export { getPublicPathway } from './get-public-pathway.js';
export { listPathwayCatalog } from './get-progress.js';
export { publishPathway } from './publish-pathway.js';
export { pathwayRoutes } from './routes.js';
export {
  EVALUATE_LEARNER_PATHWAYS_JOB,
  EVALUATE_PATHWAY_JOB,
  EVALUATE_RECOGNISING_JOB,
  schedulePathwayEvaluation,
  scheduleRecognisingEvaluation,
} from './schedule-evaluation.js';
export { seedPathwayDemo } from './seed-demo.js';
