import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseWebArgs, UsageError } from '../../electron/backend/cli-args';

describe('web mode options', () => {
  it('reads --port and --data-dir in both spellings', () => {
    expect(parseWebArgs(['--port', '0', '--data-dir=/tmp/x'])).toMatchObject({ port: 0, dataDir: '/tmp/x', demo: true });
    expect(parseWebArgs(['--port=6000', '--no-demo'])).toMatchObject({ port: 6000, demo: false });
  });

  it.each([[['--port', 'abc']], [['--port', '70000']], [['--port']], [['--colour']]])('refuses %j with a usage message', (argv) => {
    expect(() => parseWebArgs(argv)).toThrow(UsageError);
  });

  it('keeps data per user, per platform', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/u/.config' }, 'linux')).toBe('/home/u/.config/zhiban-web');
    expect(defaultDataDir({ APPDATA: 'C:/Users/u/AppData/Roaming' }, 'win32')).toMatch(/zhiban-web$/);
  });
});
