import { Global, Module } from '@nestjs/common';
import { BullConnection } from './bullmq-connection';

@Global()
@Module({ providers: [BullConnection], exports: [BullConnection] })
export class QueuesModule {}
