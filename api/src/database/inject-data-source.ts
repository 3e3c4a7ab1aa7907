import { Inject } from '@nestjs/common';

export const DATA_SOURCE = Symbol('DATA_SOURCE');

/** Injects the process's one TypeORM DataSource (provided by DatabaseModule). */
export const InjectDataSource = () => Inject(DATA_SOURCE);
