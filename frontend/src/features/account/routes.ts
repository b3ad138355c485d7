// The account feature's pages.
import { type Route } from '../../core/app';
import { acceptInvitation, requestReset, resetPassword, signIn } from './signin';
import { account } from './account';
import { requestSignInLink, signInLink, verifyAddress } from './addresses';

export const routes: Route[] = [
  { path: /^\/sign-in$/, title: 'titles.signIn', page: (p, q) => signIn(p, q), roles: 'public' },
  { path: /^\/invitations\/(?<token>[^/]+)$/, title: 'titles.join', page: (p) => acceptInvitation(p as { token: string }), roles: 'public' },
  { path: /^\/password-resets$/, title: 'titles.resetPassword', page: () => requestReset(), roles: 'public' },
  { path: /^\/password-resets\/(?<token>[^/]+)$/, title: 'titles.newPassword', page: (p) => resetPassword(p as { token: string }), roles: 'public' },
  { path: /^\/sign-in\/link$/, title: 'titles.signInLink', page: () => requestSignInLink(), roles: 'public' },
  { path: /^\/sign-in-link\/(?<token>[^/]+)$/, title: 'titles.signIn', page: (p) => signInLink(p as { token: string }), roles: 'public' },
  { path: /^\/verify-address\/(?<token>[^/]+)$/, title: 'titles.verifyAddress', page: (p) => verifyAddress(p as { token: string }), roles: 'public' },
  { path: /^\/account$/, title: 'titles.account', page: () => account(), roles: 'any' },
];
