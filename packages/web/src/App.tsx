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
const EmployerVisibilityPage = lazy(() =>
  import('./pages/learn/talent/EmployerVisibility').then((m) => ({ default: m.EmployerVisibilityPage })),
);
const ContactRequestsPage = lazy(() => import('./pages/learn/talent/ContactRequests').then((m) => ({ default: m.ContactRequestsPage })));
const OrgTalentPage = lazy(() => import('./pages/org/talent/OrgTalent').then((m) => ({ default: m.OrgTalentPage })));
const TalentProfilePage = lazy(() => import('./pages/org/talent/TalentProfile').then((m) => ({ default: m.TalentProfilePage })));
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
const PathwayMapPage = lazy(() => import('./pages/pathways/PathwayMap').then((m) => ({ default: m.PathwayMapPage })));
const PublicPathwayPage = lazy(() => import('./pages/pathways/PublicPathway').then((m) => ({ default: m.PublicPathwayPage })));
const MyPathwaysPage = lazy(() => import('./pages/pathways/PathwayMap').then((m) => ({ default: m.MyPathwaysPage })));
const OrgPathwaysPage = lazy(() => import('./pages/pathways/PathwayBuilder').then((m) => ({ default: m.OrgPathwaysPage })));
const PathwayBuilderPage = lazy(() => import('./pages/pathways/PathwayBuilder').then((m) => ({ default: m.PathwayBuilderPage })));
const OrgRecognitionPage = lazy(() => import('./pages/recognition/OrgRecognition').then((m) => ({ default: m.OrgRecognitionPage })));
const OrgEndorsementsPage = lazy(() => import('./pages/recognition/OrgEndorsements').then((m) => ({ default: m.OrgEndorsementsPage })));
const ReviewInvitationPage = lazy(() => import('./pages/recognition/ReviewInvitation').then((m) => ({ default: m.ReviewInvitationPage })));
const WhereThisCountsPage = lazy(() => import('./pages/recognition/WhereThisCounts').then((m) => ({ default: m.WhereThisCountsPage })));

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
          <Route path="catalog/pathways/:id" element={<PublicPathwayPage />} />
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
              <Route path="talent" element={<OrgTalentPage />} />
              <Route path="talent/people/:id" element={<TalentProfilePage />} />
              <Route path="assessment" element={<OrgAssessmentPage />} />
              <Route path="skills" element={<OrgSkillsPage />} />
              <Route path="pathways" element={<OrgPathwaysPage />} />
              <Route path="pathways/new" element={<PathwayBuilderPage />} />
              <Route path="pathways/:id" element={<PathwayBuilderPage />} />
              <Route path="recognition" element={<OrgRecognitionPage />} />
              <Route path="endorsements" element={<OrgEndorsementsPage />} />
            </Route>
            <Route path="settings" element={<SettingsPage />} />
            <Route path="me/submissions" element={<MySubmissionsPage />} />
            <Route path="me/submissions/:id" element={<SubmissionEditorPage />} />
            <Route path="me/credentials" element={<MyCredentialsPage />} />
            <Route path="me/wallet" element={<WalletPage />} />
            <Route path="me/where-this-counts" element={<WhereThisCountsPage />} />
            <Route path="review-invitations/:id" element={<ReviewInvitationPage />} />
            <Route path="learn/pathways" element={<MyPathwaysPage />} />
            <Route path="learn/pathways/:id" element={<PathwayMapPage />} />
            <Route path="me/skills" element={<MySkillsPage />} />
            <Route path="me/goals" element={<MyGoalsPage />} />
            <Route path="me/discoverability" element={<EmployerVisibilityPage />} />
            <Route path="me/contact-requests" element={<ContactRequestsPage />} />
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
