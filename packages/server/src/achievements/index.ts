/** The public surface of the achievements slice: the only module other slices import. */
export { getAchievementImage } from './achievement-image.js';
export { listCatalog } from './catalog.js';
export { criteriaOfRequirement, levelMeets, readContent, signableContent } from './content.js';
export type { Content } from './content.js';
export { createAchievement } from './create-achievement.js';
export { listAchievements } from './get-achievement.js';
export { achievementImageUrl, presentIssuer } from './present.js';
export { publishAchievement } from './publish-achievement.js';
export { achievementMediaRoutes, achievementRoutes } from './routes.js';
export { findAchievement, findAchievementWithOrg, findVersion, issuedCounts, listAchievementRows } from './store.js';
