/** The public surface of the recommendations slice: the only module other slices import. */
export { benchRecommendations } from './bench-recommendations.js';
export { evaluateRecommendations } from './evaluate-recommendations.js';
export { REFRESH_RECOMMENDATION_STATS_JOB, refreshRecommendationStats } from './refresh-stats.js';
export { recommendationRoutes } from './routes.js';
