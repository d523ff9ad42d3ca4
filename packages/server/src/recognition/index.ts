/** Public surface of the recognition slice: recognition rules, records sent to recognising organisations, endorsements, co-design reviews. */
export { endorsementsForIssuance } from './list-endorsements.js';
export { recognitionPageRoutes } from './pages.js';
export { recognitionRoutes } from './routes.js';
export { getAchievementStanding, getIssuerStanding } from './standing.js';
export { renderStanding } from './standing-html.js';
export { RECOGNITION_DEMO_LOGINS, seedRecognitionDemo } from './seed-recognition-demo.js';
export { listActiveRules, listRulesOfOrg } from './store.js';
export { ruleStatement } from './present.js';
