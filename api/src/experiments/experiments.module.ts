import { Module } from '@nestjs/common';
import { ParametersService } from './parameters.service';

@Module({ providers: [ParametersService], exports: [ParametersService] })
export class ExperimentsModule {}
