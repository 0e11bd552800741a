import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/table';
import type { DeskClient } from './desk-client';

interface InFlight {
  calls: Map<string, Promise<unknown>>;
}

const perClient = new WeakMap<DeskClient, InFlight>();

/**
 * A read several screens ask for at once goes to the desk once: after sign-in a dozen badge and notice hooks
 * each want the policy, and every call queues behind the others on the desk's one database connection. A
 * read with the same method and arguments as one still in flight shares its answer. Never an answer older
 * than a change: every change event forgets the calls in flight, and `fresh` (a reload for a change, or a
 * retry) always asks anew and is what later askers join.
 */
export function sharedRead<M extends MethodName>(client: DeskClient, method: M, argsKey: string, fresh: boolean): Promise<MethodOutput<M>> {
  let state = perClient.get(client);
  if (!state) {
    const created: InFlight = { calls: new Map() };
    client.onEvent((e) => {
      if (e.type === 'changed') created.calls.clear();
    });
    perClient.set(client, created);
    state = created;
  }
  // Under the session it goes out with: a read asked before a sign-out is never another person's answer.
  const key = `${client.session() ?? ''}\n${method}\n${argsKey}`;
  const joined = fresh ? undefined : state.calls.get(key);
  if (joined) return joined as Promise<MethodOutput<M>>;
  const call = client.call(method, JSON.parse(argsKey) as MethodInput<M>);
  const calls = state.calls;
  calls.set(key, call);
  const done = () => {
    if (calls.get(key) === call) calls.delete(key);
  };
  call.then(done, done);
  return call;
}
