// The enrollment feature's pages.
import { ID, type Route } from '../../core/app';
import { enrolment, myEnrolments } from './enrollments';
import { approvals } from './approvals';
import { approvalHistory } from './history';

export const routes: Route[] = [
  { path: /^\/my\/enrolments$/, title: 'My work', page: () => myEnrolments(), roles: ['TEACHER'] },
  { path: new RegExp(`^/my/enrolments/${ID}$`), title: 'Enrolment', page: (p) => enrolment(p as { id: string }), roles: ['TEACHER'] },
  { path: /^\/admin\/approvals$/, title: 'Approvals', page: () => approvals(), roles: ['DISTRICT_ADMIN'] },
  { path: /^\/admin\/approvals\/history$/, title: 'Approval history', page: () => approvalHistory(), roles: ['DISTRICT_ADMIN'] },
];
