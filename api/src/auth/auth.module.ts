import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { GqlAuthGuard } from './gql-auth.guard';
import { LoginRateLimiter } from './login-rate-limiter';
import { TokenService } from './token.service';

@Module({
  providers: [
    AuthResolver,
    AuthService,
    TokenService,
    LoginRateLimiter,
    { provide: APP_GUARD, useClass: GqlAuthGuard },
  ],
  exports: [TokenService, AuthService],
})
export class AuthModule {}
