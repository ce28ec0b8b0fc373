import { api, type AuthStatus } from '../../shared/api';
import { implement } from '../api/implement';
import { currentUser } from './accounts';
import { changePassword, login, recover, unlock } from './login';
import { setup } from './setup';

export const authProcedures = [
  implement(api.auth.status, (ctx) => {
    const state = ctx.vault.state();
    const session = ctx.caller.session;
    const status: AuthStatus = {
      state: session ? 'open' : state === 'setup' ? 'setup' : 'login',
      user: session ? currentUser(ctx.db, session.userId) : null,
      locked: session?.locked ?? false,
      idleLockSeconds: ctx.sessions.policy.idleLockSeconds,
    };
    return status;
  }),
  implement(api.auth.setup, (ctx, input) => setup(ctx, input)),
  implement(api.auth.login, (ctx, input) => login(ctx, input)),
  implement(api.auth.recover, (ctx, input) => recover(ctx, input)),
  implement(api.auth.unlock, (ctx, input) => unlock(ctx, input.password)),
  implement(api.auth.changePassword, (ctx, input) => changePassword(ctx, input)),
  implement(api.auth.logout, (ctx) => {
    ctx.audit([], { outcome: 'ok' });
    ctx.sessions.close(ctx.caller.session!.token);
    return { endSession: true as const };
  }),
];
