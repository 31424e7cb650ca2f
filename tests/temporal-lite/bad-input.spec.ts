import * as grpc from '@grpc/grpc-js';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { NamespaceNotFoundError } from '@temporalio/common';
import { Client } from '@temporalio/client';
import { createTimeSkippingEnv } from './temporal-lite-env';

const WORKFLOW_SERVICE = '/temporal.api.workflowservice.v1.WorkflowService';

/** Every bad request gets a gRPC status that names the problem, and the server keeps serving. */
describe('temporal-lite: bad input', () => {
  let env: TestWorkflowEnvironment;
  let raw: grpc.Client;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    raw = new grpc.Client(env.address, grpc.credentials.createInsecure());
  });
  afterAll(async () => {
    raw?.close();
    await env?.teardown();
  });

  const service = () => env.client.workflowService;
  const statusOf = (promise: Promise<unknown>) =>
    promise.then(
      () => ({ code: grpc.status.OK, details: '' }),
      (error) => ({ code: error.code as number, details: String(error.details ?? error.message) }),
    );

  it('answers NOT_FOUND with NamespaceNotFoundFailure for an unknown namespace', async () => {
    const client = new Client({ connection: env.connection, namespace: 'no-such-namespace' });
    await expect(client.workflow.getHandle('x').describe()).rejects.toBeInstanceOf(NamespaceNotFoundError);
    expect(await statusOf(service().describeNamespace({ namespace: 'no-such-namespace' }))).toMatchObject({
      code: grpc.status.NOT_FOUND,
      details: expect.stringContaining('no-such-namespace'),
    });
  });

  it('answers INVALID_ARGUMENT naming the missing field', async () => {
    const base = { namespace: 'default', workflowId: 'w', workflowType: { name: 't' }, taskQueue: { name: 'q' }, requestId: 'r' };
    for (const [field, request] of [
      ['WorkflowId', { ...base, workflowId: '' }],
      ['WorkflowType', { ...base, workflowType: {} }],
      ['TaskQueue', { ...base, taskQueue: {} }],
      ['Namespace', { ...base, namespace: '' }],
    ] as const) {
      expect(await statusOf(service().startWorkflowExecution(request))).toEqual({
        code: grpc.status.INVALID_ARGUMENT,
        details: expect.stringContaining(field),
      });
    }
    expect(await statusOf(service().signalWorkflowExecution({ namespace: 'default', workflowExecution: { workflowId: 'w' } }))).toEqual({
      code: grpc.status.INVALID_ARGUMENT,
      details: expect.stringContaining('SignalName'),
    });
  });

  it('answers NOT_FOUND for an unknown workflow id and a stale task token, INVALID_ARGUMENT for a garbled one', async () => {
    expect(await statusOf(service().describeWorkflowExecution({ namespace: 'default', execution: { workflowId: 'no-such-workflow' } }))).toMatchObject({
      code: grpc.status.NOT_FOUND,
      details: expect.stringContaining('no-such-workflow'),
    });
    const staleToken = Buffer.from(JSON.stringify({ k: 'act', n: 'default', w: 'gone', r: 'gone', s: 5, a: 1 }));
    expect(await statusOf(service().respondActivityTaskCompleted({ taskToken: staleToken }))).toMatchObject({ code: grpc.status.NOT_FOUND });
    expect(await statusOf(service().respondActivityTaskCompleted({ taskToken: Buffer.from('garbage') }))).toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
    });
  });

  it('answers INVALID_ARGUMENT to bytes that are not a protobuf message', async () => {
    const result = await new Promise<grpc.ServiceError | null>((resolve) => {
      raw.makeUnaryRequest(
        `${WORKFLOW_SERVICE}/StartWorkflowExecution`,
        (b: Buffer) => b,
        (b: Buffer) => b,
        Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]),
        (error) => resolve(error),
      );
    });
    expect(result?.code).toBe(grpc.status.INVALID_ARGUMENT);
  });

  it('answers UNIMPLEMENTED naming the method it does not serve', async () => {
    expect(await statusOf(service().startActivityExecution({ namespace: 'default', activityId: 'a' }))).toEqual({
      code: grpc.status.UNIMPLEMENTED,
      details: expect.stringContaining('StartActivityExecution'),
    });
  });

  it('keeps serving after all of it', async () => {
    const info = await service().getSystemInfo({});
    expect(info.serverVersion).toContain('temporal-lite');
  });
});
