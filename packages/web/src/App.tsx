/** Routes of the SPA, all under the /app basename. */
import { lazy } from 'react';
import { createBrowserRouter, Route, RouterProvider, Routes } from 'react-router';
import { GuestOnly, RequireAuth } from './components/guards';
import { Layout } from './components/Layout';
import { OrgLayout } from './pages/org/OrgLayout';
import { EmailVerificationBanner, VerifyEmailPage } from './pages/VerifyEmail';

// Each screen is its own chunk, loaded when first visited; the shell (layout, guards, session) loads at once.
const AdminOutboxPage = lazy(() => import('./pages/AdminOutbox').then((m) => ({ default: m.AdminOutboxPage })));
const AdminIssuersPage = lazy(() => import('./pages/AdminIssuers').then((m) => ({ default: m.AdminIssuersPage })));
const ForgotPasswordPage = lazy(() => import('./pages/ForgotPassword').then((m) => ({ default: m.ForgotPasswordPage })));
const HomePage = lazy(() => import('./pages/Home').then((m) => ({ default: m.HomePage })));
const InvitationPage = lazy(() => import('./pages/Invitation').then((m) => ({ default: m.InvitationPage })));
const ClaimAwardPage = lazy(() => import('./pages/ClaimAward').then((m) => ({ default: m.ClaimAwardPage })));
const OrgAwardDirectPage = lazy(() => import('./pages/org/OrgAwardDirect').then((m) => ({ default: m.OrgAwardDirectPage })));
const OrgApiTokensPage = lazy(() => import('./pages/org/OrgApiTokens').then((m) => ({ default: m.OrgApiTokensPage })));
const OrgBulkAwardPage = lazy(() => import('./pages/org/OrgBulkAward').then((m) => ({ default: m.OrgBulkAwardPage })));
const NewOrgPage = lazy(() => import('./pages/NewOrg').then((m) => ({ default: m.NewOrgPage })));
const NotFoundPage = lazy(() => import('./pages/NotFound').then((m) => ({ default: m.NotFoundPage })));
const NotificationsPage = lazy(() => import('./pages/Notifications').then((m) => ({ default: m.NotificationsPage })));
const VerifyPage = lazy(() => import('./pages/Verify').then((m) => ({ default: m.VerifyPage })));
const CatalogPageScreen = lazy(() => import('./pages/learn/Catalog').then((m) => ({ default: m.CatalogPageScreen })));
const CatalogDetailPage = lazy(() => import('./pages/learn/CatalogDetail').then((m) => ({ default: m.CatalogDetailPage })));
const WalletPage = lazy(() => import('./pages/learn/Wallet').then((m) => ({ default: m.WalletPage })));
const MySkillsPage = lazy(() => import('./pages/learn/MySkills').then((m) => ({ default: m.MySkillsPage })));
const PublicSkillsPage = lazy(() => import('./pages/learn/MySkills').then((m) => ({ default: m.PublicSkillsPage })));
const MyGoalsPage = lazy(() => import('./pages/learn/MyGoals').then((m) => ({ default: m.MyGoalsPage })));
const OrgRolesPage = lazy(() => import('./pages/org/OrgRoles').then((m) => ({ default: m.OrgRolesPage })));
const MyCredentialsPage = lazy(() => import('./pages/learn/MyCredentials').then((m) => ({ default: m.MyCredentialsPage })));
const MySubmissionsPage = lazy(() => import('./pages/learn/MySubmissions').then((m) => ({ default: m.MySubmissionsPage })));
const SubmissionEditorPage = lazy(() => import('./pages/learn/SubmissionEditor').then((m) => ({ default: m.SubmissionEditorPage })));
const AchievementEditorPage = lazy(() => import('./pages/org/AchievementEditor').then((m) => ({ default: m.AchievementEditorPage })));
const OrgAchievementsPage = lazy(() => import('./pages/org/OrgAchievements').then((m) => ({ default: m.OrgAchievementsPage })));
const OrgAssessmentPage = lazy(() => import('./pages/org/OrgAssessment').then((m) => ({ default: m.OrgAssessmentPage })));
const OrgSkillsPage = lazy(() => import('./pages/org/OrgSkills').then((m) => ({ default: m.OrgSkillsPage })));
const OrgCredentialsPage = lazy(() => import('./pages/org/OrgCredentials').then((m) => ({ default: m.OrgCredentialsPage })));
const OrgQueuePage = lazy(() => import('./pages/org/OrgQueue').then((m) => ({ default: m.OrgQueuePage })));
const ReviewSubmissionPage = lazy(() => import('./pages/org/ReviewSubmission').then((m) => ({ default: m.ReviewSubmissionPage })));
const OrgAuditPage = lazy(() => import('./pages/org/OrgAudit').then((m) => ({ default: m.OrgAuditPage })));
const OrgKeysPage = lazy(() => import('./pages/org/OrgKeys').then((m) => ({ default: m.OrgKeysPage })));
const OrgJobsPage = lazy(() => import('./pages/org/OrgJobs').then((m) => ({ default: m.OrgJobsPage })));
const OrgVerificationPage = lazy(() => import('./pages/org/OrgVerification').then((m) => ({ default: m.OrgVerificationPage })));
const OrgMembersPage = lazy(() => import('./pages/org/OrgMembers').then((m) => ({ default: m.OrgMembersPage })));
const OrgProfilePage = lazy(() => import('./pages/org/OrgProfile').then((m) => ({ default: m.OrgProfilePage })));
const ResetPasswordPage = lazy(() => import('./pages/ResetPassword').then((m) => ({ default: m.ResetPasswordPage })));
const SettingsPage = lazy(() => import('./pages/Settings').then((m) => ({ default: m.SettingsPage })));
const SignInPage = lazy(() => import('./pages/SignIn').then((m) => ({ default: m.SignInPage })));
const SignUpPage = lazy(() => import('./pages/SignUp').then((m) => ({ default: m.SignUpPage })));

/** The route tree, rendered by the data router below. */
function AppRoutes() {
  return (
    <>
      <Routes>
        <Route element={<Layout />}>
          <Route element={<GuestOnly />}>
            <Route path="signin" element={<SignInPage />} />
            <Route path="signup" element={<SignUpPage />} />
            <Route path="forgot-password" element={<ForgotPasswordPage />} />
          </Route>
          <Route path="reset-password" element={<ResetPasswordPage />} />
          <Route path="verify-email" element={<VerifyEmailPage />} />
          <Route path="invitations/:token" element={<InvitationPage />} />
          <Route path="claim/:token" element={<ClaimAwardPage />} />
          <Route path="verify" element={<VerifyPage />} />
          <Route path="catalog" element={<CatalogPageScreen />} />
          <Route path="catalog/:achievementId" element={<CatalogDetailPage />} />
          <Route path="people/:accountId/skills" element={<PublicSkillsPage />} />
          <Route
            element={
              <>
                <EmailVerificationBanner />
                <RequireAuth />
              </>
            }
          >
            <Route index element={<HomePage />} />
            <Route path="orgs/new" element={<NewOrgPage />} />
            <Route path="orgs/:slug" element={<OrgLayout />}>
              <Route index element={<OrgProfilePage />} />
              <Route path="members" element={<OrgMembersPage />} />
              <Route path="keys" element={<OrgKeysPage />} />
              <Route path="verification" element={<OrgVerificationPage />} />
              <Route path="jobs" element={<OrgJobsPage />} />
              <Route path="audit" element={<OrgAuditPage />} />
              <Route path="achievements" element={<OrgAchievementsPage />} />
              <Route path="achievements/new" element={<AchievementEditorPage />} />
              <Route path="achievements/:id" element={<AchievementEditorPage />} />
              <Route path="queue" element={<OrgQueuePage />} />
              <Route path="submissions/:id" element={<ReviewSubmissionPage />} />
              <Route path="credentials" element={<OrgCredentialsPage />} />
              <Route path="awards/new" element={<OrgAwardDirectPage />} />
              <Route path="awards/bulk" element={<OrgBulkAwardPage />} />
              <Route path="awards/bulk/:runId" element={<OrgBulkAwardPage />} />
              <Route path="api-tokens" element={<OrgApiTokensPage />} />
              <Route path="roles" element={<OrgRolesPage />} />
              <Route path="assessment" element={<OrgAssessmentPage />} />
              <Route path="skills" element={<OrgSkillsPage />} />
            </Route>
            <Route path="settings" element={<SettingsPage />} />
            <Route path="me/submissions" element={<MySubmissionsPage />} />
            <Route path="me/submissions/:id" element={<SubmissionEditorPage />} />
            <Route path="me/credentials" element={<MyCredentialsPage />} />
            <Route path="me/wallet" element={<WalletPage />} />
            <Route path="me/skills" element={<MySkillsPage />} />
            <Route path="me/goals" element={<MyGoalsPage />} />
            <Route path="notifications" element={<NotificationsPage />} />
            <Route path="admin/outbox" element={<AdminOutboxPage />} />
            <Route path="admin/issuers" element={<AdminIssuersPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </>
  );
}

// A data router (one splat route rendering the tree above) so screens can use useBlocker (unsaved-changes guards).
let router: ReturnType<typeof createBrowserRouter> | null = null;

/** The routed application. */
export function App() {
  router ??= createBrowserRouter([{ path: '*', element: <AppRoutes /> }], { basename: '/app' });
  return <RouterProvider router={router} />;
}
