import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import type { Role } from './user.entity';

export interface AuthenticatedUser {
  id: string;
  role: Role;
}

const ROLES: ReadonlySet<string> = new Set(['LEARNER', 'COACH', 'EXPERIMENTER', 'ADMIN']);

/** HS256 bearer tokens. Verification pins the algorithm, so `alg: none` and RS/HS confusion are refused. */
@Injectable()
export class TokenService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  issue(user: AuthenticatedUser): string {
    return jwt.sign({ role: user.role }, this.config.JWT_SECRET, {
      algorithm: 'HS256',
      subject: user.id,
      expiresIn: this.config.JWT_TTL_SECONDS,
      issuer: 'peerlift',
    });
  }

  /** Returns the user, or null for a missing, malformed, expired, forged or wrongly signed token. */
  verify(token: string): AuthenticatedUser | null {
    try {
      const claims = jwt.verify(token, this.config.JWT_SECRET, { algorithms: ['HS256'], issuer: 'peerlift' });
      if (typeof claims !== 'object' || typeof claims.sub !== 'string' || !ROLES.has(String(claims.role))) {
        return null;
      }
      return { id: claims.sub, role: claims.role as Role };
    } catch {
      return null;
    }
  }
}
