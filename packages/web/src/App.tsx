/** Routes of the SPA, all under the /app basename. */
import { BrowserRouter, Route, Routes } from 'react-router';
import { GuestOnly, RequireAuth } from './components/guards';
import { Layout } from './components/Layout';
import { AdminOutboxPage } from './pages/AdminOutbox';
import { AdminIssuersPage } from './pages/AdminIssuers';
import { ForgotPasswordPage } from './pages/ForgotPassword';
import { HomePage } from './pages/Home';
import { InvitationPage } from './pages/Invitation';
import { NewOrgPage } from './pages/NewOrg';
import { NotFoundPage } from './pages/NotFound';
import { NotificationsPage } from './pages/Notifications';
import { VerifyPage } from './pages/Verify';
import { CatalogPageScreen } from './pages/learn/Catalog';
import { CatalogDetailPage } from './pages/learn/CatalogDetail';
import { WalletPage } from './pages/learn/Wallet';
import { MyCredentialsPage } from './pages/learn/MyCredentials';
import { MySubmissionsPage } from './pages/learn/MySubmissions';
import { SubmissionEditorPage } from './pages/learn/SubmissionEditor';
import { AchievementEditorPage } from './pages/org/AchievementEditor';
import { OrgAchievementsPage } from './pages/org/OrgAchievements';
import { OrgAssessmentPage } from './pages/org/OrgAssessment';
import { OrgCredentialsPage } from './pages/org/OrgCredentials';
import { OrgQueuePage } from './pages/org/OrgQueue';
import { ReviewSubmissionPage } from './pages/org/ReviewSubmission';
import { OrgAuditPage } from './pages/org/OrgAudit';
import { OrgKeysPage } from './pages/org/OrgKeys';
import { OrgJobsPage } from './pages/org/OrgJobs';
import { OrgVerificationPage } from './pages/org/OrgVerification';
import { OrgLayout } from './pages/org/OrgLayout';
import { OrgMembersPage } from './pages/org/OrgMembers';
import { OrgProfilePage } from './pages/org/OrgProfile';
import { ResetPasswordPage } from './pages/ResetPassword';
import { SettingsPage } from './pages/Settings';
import { SignInPage } from './pages/SignIn';
import { SignUpPage } from './pages/SignUp';
import { EmailVerificationBanner, VerifyEmailPage } from './pages/VerifyEmail';

/** The routed application. */
export function App() {
  return (
    <BrowserRouter basename="/app">
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
          <Route path="verify" element={<VerifyPage />} />
          <Route path="catalog" element={<CatalogPageScreen />} />
          <Route path="catalog/:achievementId" element={<CatalogDetailPage />} />
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
              <Route path="assessment" element={<OrgAssessmentPage />} />
            </Route>
            <Route path="settings" element={<SettingsPage />} />
            <Route path="me/submissions" element={<MySubmissionsPage />} />
            <Route path="me/submissions/:id" element={<SubmissionEditorPage />} />
            <Route path="me/credentials" element={<MyCredentialsPage />} />
            <Route path="me/wallet" element={<WalletPage />} />
            <Route path="notifications" element={<NotificationsPage />} />
            <Route path="admin/outbox" element={<AdminOutboxPage />} />
            <Route path="admin/issuers" element={<AdminIssuersPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
