/** Signing in as a user: GET /users/me, one-time tokens (POST /idp/ott, /idp/ott/login) and GET /idp/logout. */
import { requireApiClient, SESSION_COOKIE } from "./auth";
import { type ApiHandler, ok } from "./call";
import { accessDenied, invalid, notFound, unauthorized } from "./errors";
import { asObject, optString } from "./input";
import type { AcronisState, Caller, UserRecord } from "./model";
import type { TokenBook } from "./tokens";
import { findTenant, findUser, isWithin, visibleUser } from "./tree";
import { meView, userView } from "./userViews";

/** GET /users/me: the signed-in user, with the fields only this call has (OAS `userMe`). */
export const getMe: ApiHandler = ({ state, caller }) => {
  // Choice: API clients have no user; /users/me answers them 403 (GET /clients/{id} is their way, DOCAPI:authentication).
  if (!caller.userId) throw accessDenied("an API client has no user: call GET /clients/{client_id}");
  const user = findUser(state, caller.userId);
  if (!user) throw notFound();
  return ok(meView(state, user));
};

/** POST /idp/ott {purpose: "user_login", login | external_id | user_id} → 200 {ott}; API clients only. */
export const createOneTimeToken: ApiHandler = ({ state, caller, body, tokens, config, now }) => {
  requireApiClient(caller, "issue one-time tokens");
  const input = asObject(body, "request body");
  // Choice: only the `user_login` purpose is served; `verify` (OAS) is 400.
  if (input.purpose !== "user_login") throw invalid(`"purpose" must be "user_login"`);
  const user = userNamed(state, caller, input);
  checkSupportAccess(state, caller, user);
  return ok({ ott: tokens.newOneTimeToken(user.id, config.ottTtlSeconds, now) });
};

function userNamed(state: AcronisState, caller: Caller, input: Record<string, unknown>): UserRecord {
  const given = (["login", "external_id", "user_id"] as const).filter((k) => input[k] !== undefined);
  if (given.length !== 1) throw invalid(`exactly one of "login", "external_id" and "user_id" is required`);
  const value = optString(input, given[0]) ?? "";
  const match = (u: UserRecord) =>
    given[0] === "login"
      ? u.login.toLowerCase() === value.toLowerCase()
      : given[0] === "user_id"
        ? u.id === value
        : u.external_id === value;
  const user = state.users.find((u) => match(u) && isWithin(state, caller.tenantId, u.tenant_id));
  if (!user) throw notFound(`no user with this ${given[0]} in the caller's tenant or below`);
  return visibleUser(state, caller, user.id);
}

/** DOC:advanced/ott/index: not for users of a sub-tenant that has support access (ancestral access) disabled. */
function checkSupportAccess(state: AcronisState, caller: Caller, user: UserRecord): void {
  for (
    let t = findTenant(state, user.tenant_id);
    t && t.id !== caller.tenantId;
    t = t.parent_id ? findTenant(state, t.parent_id) : undefined
  ) {
    if (!t.ancestral_access) throw accessDenied(`tenant ${t.id} has support access disabled`);
  }
}

export interface RawAnswer {
  status: number;
  body?: unknown;
  cookie?: string;
}

/**
 * POST /idp/ott/login {ott} → 200 with the user and a session cookie; no other authentication is needed
 * (PYEX sends its Bearer token too, which is ignored). The cookie then signs API calls in as that user.
 */
export function loginWithOneTimeToken(
  state: AcronisState,
  tokens: TokenBook,
  body: unknown,
  ttlSeconds: number,
  now: Date,
): RawAnswer {
  const ott = asObject(body, "request body").ott;
  if (typeof ott !== "string" || ott === "") throw invalid(`"ott" is required`);
  const userId = tokens.redeemOneTimeToken(ott, now);
  const user = userId ? findUser(state, userId) : undefined;
  // Choice: an unknown, used or expired one-time token (or a disabled user) is 401.
  if (!user?.enabled) throw unauthorized("the one-time token is not valid, used or expired");
  const session = tokens.openSession({ tenantId: user.tenant_id, userId: user.id }, ttlSeconds, now);
  return {
    status: 200,
    body: userView(user),
    cookie: `${SESSION_COOKIE}=${session}; Path=/; HttpOnly; SameSite=Lax`,
  };
}

// Choice: GET /idp/logout ends the cookie's session (if any) and answers 200 (OAS) with the cookie cleared and no page.
export function logout(tokens: TokenBook, session: string | undefined): RawAnswer {
  if (session) tokens.closeSession(session);
  return { status: 200, cookie: `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax` };
}
