// The enrollment feature's pages.
import { ID, type Route } from '../../core/app';
import { enrollment, myEnrollments } from './enrollments';
import { approvals } from './approvals';
import { approvalHistory } from './history';

export const routes: Route[] = [
  { path: /^\/my\/enrollments$/, title: 'titles.myWork', page: () => myEnrollments(), roles: ['TEACHER'] },
  { path: new RegExp(`^/my/enrollments/${ID}$`), title: 'titles.enrollment', page: (p) => enrollment(p as { id: string }), roles: ['TEACHER'] },
  // old British-English paths (and the mails sent before the fix) keep working
  { path: /^\/my\/enrolments$/, title: 'titles.myWork', redirect: () => '/my/enrollments' },
  { path: /^\/my\/enrolments\/(?<rest>.+)$/, title: 'titles.enrollment', redirect: (p) => `/my/enrollments/${p.rest}` },
  { path: new RegExp(`^/enrollments/${ID}$`), title: 'titles.enrollment', redirect: (p) => `/my/enrollments/${p.id}` },
  { path: /^\/admin\/approvals$/, title: 'titles.approvals', page: () => approvals(), roles: ['DISTRICT_ADMIN'] },
  { path: /^\/admin\/approvals\/history$/, title: 'titles.approvalHistory', page: () => approvalHistory(), roles: ['DISTRICT_ADMIN'] },
];
