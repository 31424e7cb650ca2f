import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * docker-compose.yml cannot run here (no Docker engine), so this checks what `docker compose up`
 * would trip over: every service is buildable or pulled, wired to what it depends on, and given
 * the ports and environment it needs, with secrets left to the environment.
 */
const root = path.resolve(__dirname, '../..');
interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; target: string };
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: unknown;
}
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
};
const services = compose.services;
const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
const stages = [...dockerfile.matchAll(/^FROM\s+\S+\s+AS\s+(\S+)/gim)].map((m) => m[1]);
const env = (service: string): Record<string, string> => services[service]?.environment ?? {};

describe('docker-compose.yml', () => {
  it('declares the production stack', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgresql', 'temporal', 'temporal-ui', 'worker']);
  });

  it('gives every service an image or a build target that the Dockerfile defines', () => {
    for (const [name, service] of Object.entries(services)) {
      if (service.build) {
        expect({ name, target: stages.includes(service.build.target) }).toEqual({ name, target: true });
        expect(existsSync(path.join(root, service.build.context, service.build.dockerfile))).toBe(true);
      } else {
        expect({ name, image: typeof service.image }).toEqual({ name, image: 'string' });
      }
    }
  });

  it('starts each image with a script its package defines', () => {
    for (const match of dockerfile.matchAll(/CMD \["npm", "run", "(\S+)", "-w", "(\S+)"\]/g)) {
      const [, script, workspace] = match;
      const dir = workspace!.replace('@dunning/', '');
      const pkgPath = ['apps', 'libs'].map((d) => path.join(root, d, dir, 'package.json')).find(existsSync);
      expect({ workspace, found: !!pkgPath }).toEqual({ workspace, found: true });
      expect(JSON.parse(readFileSync(pkgPath!, 'utf8')).scripts?.[script!]).toBeDefined();
    }
  });

  it('only depends on services it declares, without cycles, waiting for health where there is a check', () => {
    const visit = (name: string, seen: string[]): void => {
      expect(seen).not.toContain(name);
      for (const [dependency, condition] of Object.entries(services[name]!.depends_on ?? {})) {
        expect(Object.keys(services)).toContain(dependency);
        if (services[dependency]!.healthcheck) expect(condition.condition).toBe('service_healthy');
        visit(dependency, [...seen, name]);
      }
    };
    for (const name of Object.keys(services)) visit(name, []);
    expect(Object.keys(services.temporal?.depends_on ?? {})).toEqual(['postgresql']);
    expect(Object.keys(services.api?.depends_on ?? {}).sort()).toEqual(['postgresql', 'temporal']);
    expect(Object.keys(services.worker?.depends_on ?? {}).sort()).toEqual(['postgresql', 'temporal']);
  });

  it('publishes each port once, with valid numbers', () => {
    const hostPorts = Object.values(services).flatMap((s) => (s.ports ?? []).map((p) => p.split(':')));
    for (const [host, container] of hostPorts) {
      expect(Number(host)).toBeGreaterThan(0);
      expect(Number(container)).toBeLessThan(65536);
    }
    expect(new Set(hostPorts.map(([host]) => host)).size).toBe(hostPorts.length);
    expect(services.temporal?.ports).toContain('7233:7233');
    expect(services.api?.ports).toContain(`${env('api').PORT}:${env('api').PORT}`);
  });

  it('points the apps at the stack: PostgreSQL and the Temporal frontend', () => {
    for (const app of ['api', 'worker']) {
      expect(env(app).DATABASE_URL).toMatch(/^postgres:\/\/dunning:\$\{POSTGRES_PASSWORD[^}]*\}@postgresql:5432\/dunning$/);
      expect(env(app).TEMPORAL_ADDRESS).toBe('temporal:7233');
      expect(env(app).SESSION_SECRET).toMatch(/^\$\{SESSION_SECRET/);
    }
    expect(env('temporal').POSTGRES_SEEDS).toBe('postgresql');
    expect(env('temporal-ui').TEMPORAL_ADDRESS).toBe('temporal:7233');
  });

  it('keeps secrets in the environment, never in the file', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (/PASSWORD|PWD|SECRET|TOKEN/.test(key)) {
          expect({ name, key, fromEnvironment: /^\$\{[A-Z_]+(:[?-][^}]*)?\}$/.test(value) }).toEqual({ name, key, fromEnvironment: true });
        }
      }
    }
  });

  it('mounts only files and volumes that exist', () => {
    for (const service of Object.values(services)) {
      for (const volume of service.volumes ?? []) {
        const [source = ''] = volume.split(':');
        if (source.startsWith('.')) expect(existsSync(path.join(root, source))).toBe(true);
        else expect(Object.keys(compose.volumes)).toContain(source);
      }
    }
  });
});
