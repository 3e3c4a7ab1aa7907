import { Module } from '@nestjs/common';
import { ClassroomEventsService } from './classroom-events.service';
import { ClassroomInsightsService } from './classroom-insights.service';
import { ClassroomsResolver } from './classrooms.resolver';
import { ClassroomsService } from './classrooms.service';

@Module({
  providers: [ClassroomsResolver, ClassroomsService, ClassroomInsightsService, ClassroomEventsService],
  exports: [ClassroomEventsService, ClassroomsService],
})
export class ClassroomsModule {}
