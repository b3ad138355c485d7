// The account feature's pages.
import { type Route } from '../../core/app';
import { acceptInvitation, requestReset, resetPassword, signIn } from './signin';
import { account } from './account';
import { requestSignInLink, signInLink, verifyAddress } from './addresses';

export const routes: Route[] = [
  { path: /^\/sign-in$/, title: 'Sign in', page: (p, q) => signIn(p, q), roles: 'public' },
  { path: /^\/invitations\/(?<token>[^/]+)$/, title: 'Join', page: (p) => acceptInvitation(p as { token: string }), roles: 'public' },
  { path: /^\/password-resets$/, title: 'Reset password', page: () => requestReset(), roles: 'public' },
  { path: /^\/password-resets\/(?<token>[^/]+)$/, title: 'Choose a new password', page: (p) => resetPassword(p as { token: string }), roles: 'public' },
  { path: /^\/sign-in\/link$/, title: 'Sign in with a link', page: () => requestSignInLink(), roles: 'public' },
  { path: /^\/sign-in-link\/(?<token>[^/]+)$/, title: 'Sign in', page: (p) => signInLink(p as { token: string }), roles: 'public' },
  { path: /^\/verify-address\/(?<token>[^/]+)$/, title: 'Verify your address', page: (p) => verifyAddress(p as { token: string }), roles: 'public' },
  { path: /^\/account$/, title: 'Your account', page: () => account(), roles: 'any' },
];
