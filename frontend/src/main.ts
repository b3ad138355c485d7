import './style.css';
import { loadSession, render, setRoutes, type Route } from './app';
import { acceptInvitation, requestReset, resetPassword, signIn } from './pages/signin';
import { catalogue, enrolment, myEnrolments, templatePage, workspace } from './pages/teacher';
import { myBadges, publicBadge, publicPortfolio } from './pages/badges';
import { queue, review } from './pages/assessor';
import { verifyPage } from './pages/verify';
import { editor } from './pages/editor';
import { approvals, issued, people, reports, templates } from './pages/admin';

const ID = '(?<id>[^/]+)';
const routes: Route[] = [
  { path: /^\/sign-in$/, title: 'Sign in', page: (p, q) => signIn(p, q), roles: 'public' },
  { path: /^\/invitations\/(?<token>[^/]+)$/, title: 'Join', page: (p) => acceptInvitation(p as { token: string }), roles: 'public' },
  { path: /^\/password-resets$/, title: 'Reset password', page: () => requestReset(), roles: 'public' },
  { path: /^\/password-resets\/(?<token>[^/]+)$/, title: 'Choose a new password', page: (p) => resetPassword(p as { token: string }), roles: 'public' },
  { path: /^\/verify$/, title: 'Verify a badge', page: (p, q) => verifyPage(p, q), roles: 'public' },
  { path: new RegExp(`^/badge/${ID}$`), title: 'Badge', page: (p) => publicBadge(p as { id: string }), roles: 'public' },
  { path: /^\/portfolio\/(?<slug>[^/]+)$/, title: 'Portfolio', page: (p) => publicPortfolio(p as { slug: string }), roles: 'public' },
  { path: /^\/catalogue$/, title: 'Catalogue', page: (p, q) => catalogue(p, q), roles: 'any' },
  { path: new RegExp(`^/catalogue/${ID}$`), title: 'Microcredential', page: (p) => templatePage(p as { id: string }), roles: 'any' },
  { path: /^\/my\/enrolments$/, title: 'My work', page: () => myEnrolments(), roles: ['TEACHER'] },
  { path: new RegExp(`^/my/enrolments/${ID}$`), title: 'Enrolment', page: (p) => enrolment(p as { id: string }), roles: ['TEACHER'] },
  { path: new RegExp(`^/my/enrolments/${ID}/tiers/(?<tier>[^/]+)$`), title: 'Tier', page: (p) => workspace(p as { id: string; tier: string }), roles: ['TEACHER'] },
  { path: /^\/my\/badges$/, title: 'My badges', page: () => myBadges(), roles: 'any' },
  { path: /^\/reviews$/, title: 'Reviews', page: () => queue(), roles: ['ASSESSOR'] },
  { path: new RegExp(`^/reviews/${ID}$`), title: 'Review', page: (p) => review(p as { id: string }), roles: ['ASSESSOR', 'DISTRICT_ADMIN'] },
  { path: /^\/admin\/templates$/, title: 'Templates', page: () => templates(), roles: ['DISTRICT_ADMIN'] },
  { path: new RegExp(`^/admin/templates/${ID}$`), title: 'Template', page: (p) => editor(p as { id: string }), roles: ['DISTRICT_ADMIN'] },
  { path: /^\/admin\/approvals$/, title: 'Approvals', page: () => approvals(), roles: ['DISTRICT_ADMIN'] },
  { path: /^\/admin\/people$/, title: 'People', page: () => people(), roles: ['DISTRICT_ADMIN'] },
  { path: /^\/admin\/badges$/, title: 'Badges issued', page: () => issued(), roles: ['DISTRICT_ADMIN'] },
  { path: /^\/admin\/reports$/, title: 'Reports', page: (p, q) => reports(p, q), roles: ['DISTRICT_ADMIN'] },
];
setRoutes(routes);

void loadSession().then(render);
