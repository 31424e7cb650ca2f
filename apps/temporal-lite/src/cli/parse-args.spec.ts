import { parseCliArgs } from './parse-args';

describe('the command lines temporal-lite accepts', () => {
  it('listens on loopback by default in both modes (no authentication), elsewhere only when asked', () => {
    expect(parseCliArgs(['7233'])).toMatchObject({ mode: 'test-server', port: 7233, ip: '127.0.0.1' });
    expect(parseCliArgs(['server', 'start-dev', '--port', '7234'])).toMatchObject({ mode: 'dev-server', port: 7234, ip: '127.0.0.1' });
    expect(parseCliArgs(['7233', '--ip', '0.0.0.0'])).toMatchObject({ ip: '0.0.0.0' });
    expect(parseCliArgs(['server', 'start-dev', '--ip', '0.0.0.0'])).toMatchObject({ ip: '0.0.0.0' });
  });

  it('names what it cannot read', () => {
    expect(() => parseCliArgs(['server', 'start-dev', '--port', 'x'])).toThrow('--port: "x" is not a port number');
    expect(() => parseCliArgs([])).toThrow(/unrecognised command line/);
  });
});
