import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import type { Role } from './user.entity';

export interface AuthenticatedUser {
  id: string;
  role: Role;
}

const BEARER = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/;
const VERIFIED_FOR_MS = 60_000;
const MAX_VERIFIED = 20_000;
const ROLES: ReadonlySet<string> = new Set(['LEARNER', 'COACH', 'EXPERIMENTER', 'ADMIN']);

/** HS256 bearer tokens. Verification pins the algorithm, so `alg: none` and RS/HS confusion are refused. */
@Injectable()
export class TokenService {
  /**
   * A KeyObject made once: given a string, jsonwebtoken first tries (and fails) to parse it as a public
   * key on every call, which cost 14% of the api's CPU under load.
   */
  private readonly key: KeyObject;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8'));
  }

  issue(user: AuthenticatedUser): string {
    return jwt.sign({ role: user.role }, this.key, {
      algorithm: 'HS256',
      subject: user.id,
      expiresIn: this.config.JWT_TTL_SECONDS,
      issuer: 'peerlift',
    });
  }

  /** The user of an `Authorization: Bearer <jwt>` header value, or null (see `verify`). */
  fromAuthorizationHeader(header: unknown): AuthenticatedUser | null {
    const match = typeof header === 'string' ? BEARER.exec(header) : null;
    return match ? this.verify(match[1]) : null;
  }

  /** Returns the user, or null for a missing, malformed, expired, forged or wrongly signed token. */
  verify(token: string, now = Date.now()): AuthenticatedUser | null {
    const known = this.verified.get(token);
    if (known && known.expiresAt > now) return known.user;
    try {
      const claims = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: 'peerlift' });
      if (typeof claims !== 'object' || typeof claims.sub !== 'string' || !ROLES.has(String(claims.role))) {
        return null;
      }
      const user = { id: claims.sub, role: claims.role as Role };
      this.remember(token, user, Math.min((claims.exp ?? 0) * 1000, now + VERIFIED_FOR_MS));
      return user;
    } catch {
      return null;
    }
  }

  /**
   * A client sends the same token with every request; re-checking its signature each time cost ~5% of a
   * cheap query. The exact token string that verified stays good until its own expiry (tokens are not
   * revocable), so a bounded memo keyed by it changes no outcome; it is capped at a minute all the same.
   */
  private readonly verified = new Map<string, { user: AuthenticatedUser; expiresAt: number }>();

  private remember(token: string, user: AuthenticatedUser, expiresAt: number): void {
    if (this.verified.size >= MAX_VERIFIED) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { user, expiresAt });
  }
}
