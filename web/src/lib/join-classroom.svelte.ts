// A learner joins a class with the 6-character code their teacher gives them.
import { JOIN_CLASSROOM, type JoinClassroomMutation } from './graphql/generated';
import { errorMessage } from './graphql/client';
import { joinCodeProblem, normaliseJoinCode } from './join-classroom-rules';
import { session } from './session.svelte';

export class JoinClassroomForm {
  code = $state('');
  joining = $state(false);
  problem = $state<string | null>(null);
  joined = $state.raw<JoinClassroomMutation['joinClassroom'] | null>(null);

  async submit(): Promise<boolean> {
    if (this.joining) return false;
    const code = normaliseJoinCode(this.code);
    this.problem = joinCodeProblem(code);
    if (this.problem) return false;
    this.joining = true;
    try {
      this.joined = (await session.request(JOIN_CLASSROOM, { input: { code } })).joinClassroom;
      this.code = '';
      return true;
    } catch (error) {
      this.problem = errorMessage(error);
      return false;
    } finally {
      this.joining = false;
    }
  }
}
