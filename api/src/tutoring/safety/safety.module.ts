import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { SafetyResolver } from './safety.resolver';
import { SafetyService } from './safety.service';

@Module({ imports: [SessionsModule], providers: [SafetyService, SafetyResolver] })
export class SafetyModule {}
