import { describe, expect, it } from "vitest";
import { TaskChannel } from "./task-channel.js";

describe("TaskChannel", () => {
  it("delivers in order to every subscriber and ends them after a final event", async () => {
    const ch = new TaskChannel<number>();
    const a = ch.subscribe([0]);
    const b = ch.subscribe();
    ch.publish(1);
    ch.publish(2, true);
    ch.publish(3);
    const read = async (s: AsyncIterable<number>) => {
      const out: number[] = [];
      for await (const v of s) out.push(v);
      return out;
    };
    expect(await read(a)).toEqual([0, 1, 2]);
    expect(await read(b)).toEqual([1, 2]);
    expect(ch.size).toBe(0);
  });

  it("return() unsubscribes at once, even with a pending next()", async () => {
    const ch = new TaskChannel<number>();
    const s = ch.subscribe();
    const pending = s.next();
    await s.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(ch.size).toBe(0);
    ch.publish(1);
    expect((await s.next()).done).toBe(true);
  });

  it("disconnects a subscriber whose queue reaches maxBuffered; others keep going", async () => {
    const ch = new TaskChannel<number>({ highWaterMark: 2, maxBuffered: 4 });
    const slow = ch.subscribe();
    const fast = ch.subscribe();
    const got: number[] = [];
    for (let i = 0; i < 6; i++) {
      ch.publish(i);
      got.push((await fast.next()).value as number);
    }
    expect(got).toEqual([0, 1, 2, 3, 4, 5]);
    await expect(slow.next()).rejects.toThrow(/re-attach with SubscribeToTask/);
    expect(ch.size).toBe(1);
  });

  it("drain() waits for a lagging subscriber and drops it after the timeout", async () => {
    const ch = new TaskChannel<number>({ highWaterMark: 1, slowSubscriberTimeoutMs: 20 });
    const s = ch.subscribe();
    ch.publish(1);
    ch.publish(2);
    let drained = false;
    const lag = ch.drain();
    expect(lag).toBeInstanceOf(Promise);
    const d = lag!.then(() => {
      drained = true;
    });
    await s.next();
    await s.next();
    await d;
    expect(drained).toBe(true);
    const stuck = ch.subscribe();
    ch.publish(3);
    ch.publish(4);
    await ch.drain();
    expect(new TaskChannel<number>().drain()).toBeUndefined();
    await expect(stuck.next()).rejects.toThrow(/fell too far behind/);
  });
});
