import { Global, Module } from '@nestjs/common';
import { SharedResponseCache } from './shared-responses';

/** One cache per process, shared by the Apollo plugin that fills it and the middleware that serves it. */
@Global()
@Module({ providers: [SharedResponseCache], exports: [SharedResponseCache] })
export class SharedResponsesModule {}
