import { request } from './http';
import type { Me, SessionAnswer, SetupRequest } from './types';

export const getSetupStatus = () => request<{ needed: boolean }>('GET', '/api/setup');

export const runSetup = (body: SetupRequest) => request<SessionAnswer>('POST', '/api/setup', body);

export const login = (email: string, password: string) =>
  request<SessionAnswer>('POST', '/api/auth/login', { email, password }, { noAuthRedirect: true });

export const logout = () => request<void>('POST', '/api/auth/logout', undefined, { noAuthRedirect: true });

/** Who is signed in; 401 when nobody is (no redirect: the app decides). */
export const getMe = () => request<Me>('GET', '/api/me', undefined, { noAuthRedirect: true });

export const changePassword = (current_password: string, new_password: string) =>
  request<void>('PUT', '/api/me/password', { current_password, new_password });
