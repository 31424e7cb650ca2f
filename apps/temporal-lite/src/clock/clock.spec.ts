import { Clock } from './clock';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('clock', () => {
  it('jumps to the next timer when nothing holds time (time skipping)', async () => {
    const clock = new Clock(true);
    const fired: number[] = [];
    const start = clock.now();
    clock.schedule(start + 30 * 86_400_000, () => fired.push(2));
    clock.schedule(start + 86_400_000, () => fired.push(1));
    await tick();
    expect(fired).toEqual([]); // the test client's lock holds time at first
    clock.unlockForClient();
    await tick();
    expect(fired).toEqual([1, 2]);
    expect(clock.now() - start).toBeGreaterThanOrEqual(30 * 86_400_000);
    clock.stop();
  });

  it('does not skip while the server holds a lock', async () => {
    const clock = new Clock(true);
    clock.unlockForClient();
    clock.lock();
    const fired: string[] = [];
    clock.schedule(clock.now() + 3_600_000, () => fired.push('timer'));
    await tick();
    expect(fired).toEqual([]);
    clock.unlock();
    await tick();
    expect(fired).toEqual(['timer']);
    clock.stop();
  });

  it("lets the client's releases cancel an activity's lock, as the Java test server's single counter does, but never a workflow task's", async () => {
    const clock = new Clock(true);
    const fired: string[] = [];
    clock.schedule(clock.now() + 2 * 86_400_000, () => fired.push('activity wakes'));
    clock.lockForActivity(); // an activity is running
    clock.unlockForClient(); // the test awaits the workflow's result
    await tick();
    expect(fired).toEqual([]);
    clock.lock(); // a workflow task in flight
    clock.unlockForClient(); // the activity calls env.sleep()
    await tick();
    expect(fired).toEqual([]);
    clock.unlock();
    await tick();
    expect(fired).toEqual(['activity wakes']);
    clock.stop();
  });

  it('follows wall time on the dev server', async () => {
    const clock = new Clock(false);
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(50);
    const fired = await new Promise<number>((resolve) => {
      const at = clock.now() + 30;
      clock.schedule(at, () => resolve(Date.now() - at));
    });
    expect(fired).toBeGreaterThanOrEqual(-1);
    clock.stop();
  });
});
