// Assembles the app: the design system, then each feature's routes (features/<name>/routes.ts mirrors the
// service's org.cairn.<name> package). Add a feature by adding its routes here.
import './ui';
import { loadSession, render, setRoutes } from './core/app';
import { routes as account } from './features/account/routes';
import { routes as verification } from './features/verification/routes';
import { routes as issuing } from './features/issuing/routes';
import { routes as template } from './features/template/routes';
import { routes as enrollment } from './features/enrollment/routes';
import { routes as evidence } from './features/evidence/routes';
import { routes as review } from './features/review/routes';
import { routes as people } from './features/people/routes';
import { routes as report } from './features/report/routes';
import { routes as notification } from './features/notification/routes';
import { routes as district } from './features/district/routes';
import { routes as transcript } from './features/transcript/routes';
import { routes as endorsement } from './features/endorsement/routes';
import { routes as practice } from './features/practice/routes';
import { routes as cohort } from './features/cohort/routes';
import { routes as plan } from './features/plan/routes';
import { routes as pay } from './features/pay/routes';

setRoutes([...account, ...verification, ...issuing, ...template, ...enrollment, ...evidence, ...review, ...people, ...report, ...notification, ...district, ...transcript, ...endorsement, ...cohort, ...plan, ...practice, ...pay]);

void loadSession().then(render);
