import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row per skill of the code-defined curriculum, seeded at start so other tables can reference slugs. */
@Entity('skills')
export class SkillEntity {
  @PrimaryColumn('text') slug!: string;
  @Column('text') title!: string;
  @Column('int') position!: number;
  @Column('text', { array: true }) prerequisites!: string[];
}
