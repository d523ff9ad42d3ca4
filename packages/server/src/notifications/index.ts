/** The public surface of the notifications slice: the only module other slices import. */
export { countUnreadNotifications } from './count-unread.js';
export { listNotificationPreferences } from './list-notification-preferences.js';
export { listNotifications, readNotification } from './list-notifications.js';
export { notify } from './notify.js';
export { NOTIFY_ASSESSORS_JOB, enqueueSubmissionNotice, notifyAssessors } from './notify-assessors.js';
export { NOTICE_DIGEST_JOB, sendNoticeDigest } from './send-notice-digest.js';
export { setNotificationPreference } from './set-notification-preference.js';
