import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Method, Service } from 'protobufjs';
import { protoRoot } from '../proto/temporal-proto';
import { TemporalLite } from '../server/temporal-lite';
import { healthHandlers } from './health-service';
import { operatorServiceHandlers } from './operator-service';
import { testServiceHandlers } from './test-service';
import { workflowServiceHandlers } from './workflow-service';

const SERVICES = {
  WorkflowService: 'temporal.api.workflowservice.v1.WorkflowService',
  OperatorService: 'temporal.api.operatorservice.v1.OperatorService',
  TestService: 'temporal.api.testservice.v1.TestService',
  'grpc.health.v1.Health': 'grpc.health.v1.Health',
} as const;

/** The README's temporal-lite section: bullets `- \`Service\`: A, B` under "Served", `- family: A, B` under "Left out". */
function readmeLists(): { served: Map<string, Set<string>>; leftOut: Set<string> } {
  const readme = readFileSync(path.resolve(__dirname, '../../../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## temporal-lite'), readme.indexOf('\n## ', readme.indexOf('## temporal-lite') + 1));
  const servedAt = section.indexOf('\nServed');
  const leftOutAt = section.indexOf('\nLeft out');
  const names = (line: string) =>
    line
      .slice(line.indexOf(':') + 1)
      .split(',')
      .map((name) => name.trim().replace(/[.`]/g, ''))
      .filter(Boolean);
  const served = new Map<string, Set<string>>();
  for (const line of section
    .slice(servedAt, leftOutAt)
    .split('\n')
    .filter((l) => l.startsWith('- `'))) {
    served.set(/^- `([^`]+)`/.exec(line)![1]!, new Set(names(line)));
  }
  const leftOut = new Set(
    section
      .slice(leftOutAt)
      .split('\n')
      .filter((l) => l.startsWith('- '))
      .flatMap(names),
  );
  return { served, leftOut };
}

describe("the README's list of served and left-out methods", () => {
  const server = new TemporalLite({
    port: 0,
    ip: '127.0.0.1',
    timeSkipping: true,
    namespaces: [],
    searchAttributes: [],
    logger: { warn: () => undefined, error: () => undefined },
  });
  afterAll(() => server.engine.clock.stop());
  const handlers: Record<keyof typeof SERVICES, string[]> = {
    WorkflowService: Object.keys(workflowServiceHandlers(server)),
    OperatorService: Object.keys(operatorServiceHandlers(server)),
    TestService: Object.keys(testServiceHandlers(server)),
    'grpc.health.v1.Health': Object.keys(healthHandlers()),
  };
  const { served, leftOut } = readmeLists();

  it.each(Object.keys(SERVICES) as Array<keyof typeof SERVICES>)('names exactly the %s methods temporal-lite serves', (service) => {
    expect([...(served.get(service) ?? [])].sort()).toEqual([...handlers[service]].sort());
  });

  it('names every other method of these services as left out, and nothing else', () => {
    const unserved = Object.entries(SERVICES).flatMap(([service, fullName]) =>
      (Object.values((protoRoot.lookupService(fullName) as Service).methods) as Method[])
        .map((m) => m.name)
        .filter((name) => !handlers[service as keyof typeof SERVICES].includes(name)),
    );
    expect([...leftOut].sort()).toEqual([...new Set(unserved)].sort());
  });
});
