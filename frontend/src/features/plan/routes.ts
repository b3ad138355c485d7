// The plan feature's pages: needs surveys, learning plans, recommendations, the needs report.
import { ID, type Route } from '../../core/app';
import { adminPlans, needsReport, newSurvey, surveyPage } from './admin';
import { myPlan } from './plan';
import { myRecommendations } from './recommendations';
import { planPage, plansToApprove } from './supervise';
import { mySurveys } from './survey';

export const routes: Route[] = [
  { path: /^\/my\/survey$/, title: 'titles.mySurvey', page: () => mySurveys(), roles: ['TEACHER'] },
  { path: /^\/my\/plan$/, title: 'titles.myPlan', page: () => myPlan(), roles: ['TEACHER'] },
  { path: /^\/my\/recommendations$/, title: 'titles.recommended', page: () => myRecommendations(), roles: ['TEACHER'] },
  { path: /^\/plans$/, title: 'titles.plansToApprove', page: () => plansToApprove(), roles: ['DISTRICT_ADMIN', 'COACH', 'ASSESSOR'] },
  { path: new RegExp(`^/plans/${ID}$`), title: 'titles.plan', page: (p) => planPage(p as { id: string }), roles: 'any' },
  { path: /^\/admin\/plans$/, title: 'titles.needsAndPlans', page: () => adminPlans(), roles: ['DISTRICT_ADMIN'] },
  { path: /^\/admin\/surveys\/new$/, title: 'titles.newSurvey', page: () => newSurvey(), roles: ['DISTRICT_ADMIN'] },
  { path: new RegExp(`^/admin/surveys/${ID}$`), title: 'titles.survey', page: (p) => surveyPage(p as { id: string }), roles: ['DISTRICT_ADMIN'] },
  { path: /^\/admin\/reports\/needs$/, title: 'titles.needsReport', page: () => needsReport(), roles: ['DISTRICT_ADMIN'] },
];
