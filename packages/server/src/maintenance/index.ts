export { REFRESH_STATISTICS_JOB, refreshStatistics, scheduleStatisticsRefresh } from './refresh-statistics.js';
