// The cohort feature's pages.
import { ID, type Route } from '../../core/app';
import { adminCohorts, cohortDetail, evaluatorCohorts } from './cohorts';
import { cohortMonth } from './month';
import { myCohorts } from './mine';

export const routes: Route[] = [
  { path: /^\/admin\/cohorts$/, title: 'titles.cohorts', page: () => adminCohorts(), roles: ['DISTRICT_ADMIN'] },
  { path: new RegExp(`^/admin/cohorts/${ID}$`), title: 'titles.cohort', page: (p) => cohortDetail(p as { id: string }), roles: ['DISTRICT_ADMIN'] },
  { path: /^\/cohorts$/, title: 'titles.cohortsToEvaluate', page: () => evaluatorCohorts(), roles: ['ASSESSOR'] },
  { path: new RegExp(`^/cohorts/${ID}/month$`), title: 'titles.cohortMonth', page: (p) => cohortMonth(p as { id: string }), roles: ['ASSESSOR', 'DISTRICT_ADMIN'] },
  { path: /^\/my\/cohorts$/, title: 'titles.dueDates', page: () => myCohorts(), roles: ['TEACHER'] },
];
