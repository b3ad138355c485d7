// The cohort feature's pages.
import { ID, type Route } from '../../core/app';
import { adminCohorts, cohortDetail, evaluatorCohorts } from './cohorts';
import { cohortMonth } from './month';
import { myCohorts } from './mine';

export const routes: Route[] = [
  { path: /^\/admin\/cohorts$/, title: 'Cohorts', page: () => adminCohorts(), roles: ['DISTRICT_ADMIN'] },
  { path: new RegExp(`^/admin/cohorts/${ID}$`), title: 'Cohort', page: (p) => cohortDetail(p as { id: string }), roles: ['DISTRICT_ADMIN'] },
  { path: /^\/cohorts$/, title: 'My cohorts to evaluate', page: () => evaluatorCohorts(), roles: ['ASSESSOR'] },
  { path: new RegExp(`^/cohorts/${ID}/month$`), title: 'The month’s submissions', page: (p) => cohortMonth(p as { id: string }), roles: ['ASSESSOR', 'DISTRICT_ADMIN'] },
  { path: /^\/my\/cohorts$/, title: 'Due dates', page: () => myCohorts(), roles: ['TEACHER'] },
];
