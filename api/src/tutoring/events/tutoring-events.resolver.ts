import { Resolver, Subscription } from '@nestjs/graphql';
import { CurrentUser } from '../../auth/auth-decorators';
import type { AuthenticatedUser } from '../../auth/token.service';
import { PresenceService } from '../presence/presence.service';
import { TutoringEventModel } from './models/tutoring-event.model';
import { TutoringEventsService } from './tutoring-events.service';

/** Runs `cleanup` once when the subscription ends, however it ends (client stop, socket closed, error). */
function onEnd<T>(source: AsyncIterableIterator<T>, cleanup: () => void): AsyncIterableIterator<T> {
  let done = false;
  const finish = () => {
    if (!done) cleanup();
    done = true;
  };
  return {
    next: () => source.next(),
    return: (value?: unknown) => {
      finish();
      return source.return ? source.return(value) : Promise.resolve({ done: true, value: undefined });
    },
    throw: (error?: unknown) => {
      finish();
      return source.throw
        ? source.throw(error)
        : Promise.reject(error instanceof Error ? error : new Error(String(error)));
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

@Resolver()
export class TutoringEventsResolver {
  constructor(
    private readonly events: TutoringEventsService,
    private readonly presence: PresenceService,
  ) {}

  @Subscription(() => TutoringEventModel, {
    description:
      'Refetch hints for my offers, matches, messages and session ends; keeps my presence alive while open.',
    resolve: (event: TutoringEventModel) => event,
  })
  tutoringEvents(@CurrentUser() user: AuthenticatedUser): AsyncIterableIterator<TutoringEventModel> {
    const stop = this.presence.keepAlive(user.id);
    return onEnd(this.events.subscribe(user.id), stop);
  }
}
