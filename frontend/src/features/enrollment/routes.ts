// The enrollment feature's pages.
import { ID, type Route } from '../../core/app';
import { enrollment, myEnrollments } from './enrollments';
import { approvals } from './approvals';

export const routes: Route[] = [
  { path: /^\/my\/enrollments$/, title: 'My work', page: () => myEnrollments(), roles: ['TEACHER'] },
  { path: new RegExp(`^/my/enrollments/${ID}$`), title: 'Enrollment', page: (p) => enrollment(p as { id: string }), roles: ['TEACHER'] },
  // old British-English paths (and the mails sent before the fix) keep working
  { path: /^\/my\/enrolments$/, title: 'My work', redirect: () => '/my/enrollments' },
  { path: /^\/my\/enrolments\/(?<rest>.+)$/, title: 'Enrollment', redirect: (p) => `/my/enrollments/${p.rest}` },
  { path: new RegExp(`^/enrollments/${ID}$`), title: 'Enrollment', redirect: (p) => `/my/enrollments/${p.id}` },
  { path: /^\/admin\/approvals$/, title: 'Approvals', page: () => approvals(), roles: ['DISTRICT_ADMIN'] },
];
