import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '../database/inject-data-source';
import { DataSource } from 'typeorm';
import {
  handleProblem,
  isKnownCountry,
  isKnownLanguage,
  isPlausibleBirthYear,
  isValidTimeZone,
  passwordProblem,
} from '@peerlift/domain';
import { ErrorCode, PeerliftError } from '../graphql/peerlift-error';
import type { LogInInput, SignUpInput } from './dto/sign-up.input';
import { LoginRateLimiter } from './login-rate-limiter';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './password-hashing';
import { TokenService } from './token.service';
import { UserEntity } from './user.entity';

const HANDLE_MESSAGES = {
  LENGTH: 'A handle has 3 to 24 characters.',
  CHARACTERS: 'A handle starts with a letter and uses only letters, digits and underscores.',
  LOOKS_LIKE_CONTACT: 'A handle may not look like an email, phone number, link or social account.',
} as const;

export interface AuthResult {
  token: string;
  user: UserEntity;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly loginLimiter: LoginRateLimiter,
  ) {}

  async signUp(input: SignUpInput, now = new Date()): Promise<AuthResult> {
    const problem = handleProblem(input.handle);
    if (problem) throw new PeerliftError(ErrorCode.HANDLE_NOT_ALLOWED, HANDLE_MESSAGES[problem]);
    const weak = passwordProblem(input.password, input.handle);
    if (weak) {
      throw new PeerliftError(
        ErrorCode.WEAK_PASSWORD,
        'Choose a longer, less guessable password: at least 10 characters, not based on your handle or a common password.',
        { reason: weak },
      );
    }
    const country = input.country.toUpperCase();
    const languages = [...new Set(input.languages.map((l) => l.toLowerCase()))];
    const bad = [
      !isKnownCountry(country) && 'country',
      !languages.every(isKnownLanguage) && 'languages',
      !isValidTimeZone(input.timeZone) && 'timeZone',
      !isPlausibleBirthYear(input.birthYear, now) && 'birthYear',
    ].filter(Boolean);
    if (bad.length)
      throw new PeerliftError(ErrorCode.BAD_USER_INPUT, `Invalid ${bad.join(', ')}.`, { fields: bad });

    const passwordHash = await hashPassword(input.password);
    const rows = await this.db.query<{ id: string }[]>(
      `INSERT INTO users (handle, password_hash, role, birth_year, country, languages, time_zone)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ((lower(handle))) DO NOTHING
       RETURNING id`,
      [
        input.handle,
        passwordHash,
        input.role ?? 'LEARNER',
        input.birthYear,
        country,
        languages,
        input.timeZone,
      ],
    );
    if (!rows[0]) throw new PeerliftError(ErrorCode.HANDLE_TAKEN, 'That handle is taken. Try another.');
    const user = await this.db.getRepository(UserEntity).findOneByOrFail({ id: rows[0].id });
    return { token: this.tokens.issue(user), user };
  }

  async logIn(input: LogInInput): Promise<AuthResult> {
    await this.loginLimiter.assertAllowed(input.handle);
    const user = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.handle) = lower(:handle)', { handle: input.handle })
      .getOne();
    const ok = await verifyPassword(input.password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!user || !ok) {
      await this.loginLimiter.recordFailure(input.handle);
      throw new PeerliftError(ErrorCode.INVALID_CREDENTIALS, 'That handle and password do not match.');
    }
    await this.loginLimiter.reset(input.handle);
    return { token: this.tokens.issue(user), user };
  }

  async findUser(id: string): Promise<UserEntity> {
    const user = await this.db.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw new PeerliftError(ErrorCode.UNAUTHENTICATED, 'This account no longer exists.');
    return user;
  }
}
