import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { msToTs } from '@temporalio/common/lib/time';
import { createTimeSkippingEnv } from './temporal-lite-env';

const { CommandType, EventType } = temporal.api.enums.v1;
const NAMESPACE = 'default';

/**
 * Eager activity execution, spoken as the SDK's core speaks it: a workflow task completion that
 * schedules an activity with `requestEagerExecution` gets that activity back, started, in its
 * answer; the worker runs it without polling. `system.enableActivityEagerExecution=false` turns it off.
 */
describe('temporal-lite: eager activities', () => {
  async function scheduleFromWorkflowTask(env: TestWorkflowEnvironment, taskQueue: string, requestEagerExecution: boolean, activityQueue = taskQueue) {
    const service = env.client.workflowService;
    const workflowId = `eager-${taskQueue}`;
    await service.startWorkflowExecution({ namespace: NAMESPACE, workflowId, workflowType: { name: 'w' }, taskQueue: { name: taskQueue }, requestId: workflowId });
    const task = await service.pollWorkflowTaskQueue({ namespace: NAMESPACE, taskQueue: { name: taskQueue }, identity: 'worker-a' });
    const answer: temporal.api.workflowservice.v1.IRespondWorkflowTaskCompletedResponse = await service.respondWorkflowTaskCompleted({
      namespace: NAMESPACE,
      taskToken: task.taskToken,
      identity: 'worker-a',
      commands: [
        {
          commandType: CommandType.COMMAND_TYPE_SCHEDULE_ACTIVITY_TASK,
          scheduleActivityTaskCommandAttributes: {
            activityId: '1',
            activityType: { name: 'send' },
            taskQueue: { name: activityQueue },
            startToCloseTimeout: msToTs(30_000),
            requestEagerExecution,
          },
        },
      ],
    });
    return { service, workflowId, answer };
  }

  async function historyTypes(env: TestWorkflowEnvironment, workflowId: string) {
    const { history } = await env.client.workflowService.getWorkflowExecutionHistory({ namespace: NAMESPACE, execution: { workflowId } });
    return history!.events!.map((event) => event.eventType);
  }

  describe('enabled (the default)', () => {
    let env: TestWorkflowEnvironment;
    beforeAll(async () => {
      env = await createTimeSkippingEnv();
    });
    afterAll(async () => {
      await env?.teardown();
    });

    it('hands the activity back started in the completion, and records it like a polled one', async () => {
      const { service, workflowId, answer } = await scheduleFromWorkflowTask(env, 'eager-on', true);
      expect(answer.activityTasks).toHaveLength(1);
      const [activity] = answer.activityTasks!;
      expect(activity).toMatchObject({ activityId: '1', activityType: { name: 'send' }, attempt: 1, workflowExecution: { workflowId } });

      // Nothing is left on the queue for a poller: the completing worker has it.
      const description = await service.describeWorkflowExecution({ namespace: NAMESPACE, execution: { workflowId } });
      expect(description.pendingActivities?.[0]?.state).toBe(temporal.api.enums.v1.PendingActivityState.PENDING_ACTIVITY_STATE_STARTED);

      await service.respondActivityTaskCompleted({ namespace: NAMESPACE, taskToken: activity!.taskToken, identity: 'worker-a' });
      expect(await historyTypes(env, workflowId)).toEqual(
        expect.arrayContaining([EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED, EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED]),
      );
      const next = await service.pollWorkflowTaskQueue({ namespace: NAMESPACE, taskQueue: { name: 'eager-on' }, identity: 'worker-a' });
      expect(next.history?.events?.map((event) => event.eventType)).toContain(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED);
    });

    it('queues the activity when the worker did not ask, or it runs on another task queue', async () => {
      const notAsked = await scheduleFromWorkflowTask(env, 'eager-not-asked', false);
      expect(notAsked.answer.activityTasks ?? []).toHaveLength(0);
      const polled = await notAsked.service.pollActivityTaskQueue({ namespace: NAMESPACE, taskQueue: { name: 'eager-not-asked' }, identity: 'worker-b' });
      expect(polled.activityId).toBe('1');

      const elsewhere = await scheduleFromWorkflowTask(env, 'eager-elsewhere', true, 'other-queue');
      expect(elsewhere.answer.activityTasks ?? []).toHaveLength(0);
      const polledElsewhere = await elsewhere.service.pollActivityTaskQueue({ namespace: NAMESPACE, taskQueue: { name: 'other-queue' }, identity: 'worker-b' });
      expect(polledElsewhere.workflowExecution?.workflowId).toBe(elsewhere.workflowId);
    });
  });

  describe('turned off with --dynamic-config-value system.enableActivityEagerExecution=false', () => {
    let env: TestWorkflowEnvironment;
    beforeAll(async () => {
      env = await createTimeSkippingEnv(['--dynamic-config-value', 'system.enableActivityEagerExecution=false']);
    });
    afterAll(async () => {
      await env?.teardown();
    });

    it('queues the activity even when the worker asks', async () => {
      const { service, answer } = await scheduleFromWorkflowTask(env, 'eager-off', true);
      expect(answer.activityTasks ?? []).toHaveLength(0);
      const polled = await service.pollActivityTaskQueue({ namespace: NAMESPACE, taskQueue: { name: 'eager-off' }, identity: 'worker-b' });
      expect(polled.activityId).toBe('1');
    });
  });
});
