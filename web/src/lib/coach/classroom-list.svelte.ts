// A coach's classrooms and the "create a classroom" form.
import { CREATE_CLASSROOM, MY_CLASSROOMS, type MyClassroomsQuery } from '../graphql/generated';
import { errorMessage } from '../graphql/client';
import { RemoteData } from '../remote-data.svelte';
import { session } from '../session.svelte';

export type ClassroomSummary = MyClassroomsQuery['myClassrooms'][number];

/** Class names as the api accepts them: 1–80 characters after trimming. */
export function classNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'Give the class a name, like "Year 6 maths".';
  if (trimmed.length > 80) return 'Keep the name under 80 characters.';
  return null;
}

export class ClassroomList {
  list = new RemoteData(async () => (await session.request(MY_CLASSROOMS, {})).myClassrooms);
  name = $state('');
  creating = $state(false);
  problem = $state<string | null>(null);
  /** The class just created, to show its join code prominently. */
  created = $state.raw<ClassroomSummary | null>(null);

  async create(): Promise<boolean> {
    if (this.creating) return false;
    this.problem = classNameProblem(this.name);
    if (this.problem) return false;
    this.creating = true;
    try {
      const { createClassroom } = await session.request(CREATE_CLASSROOM, { input: { name: this.name.trim() } });
      this.created = createClassroom;
      this.name = '';
      this.list.set([...(this.list.data ?? []), createClassroom]);
      return true;
    } catch (error) {
      this.problem = errorMessage(error);
      return false;
    } finally {
      this.creating = false;
    }
  }
}
