import { describe, expect, it } from 'vitest';
import { LaunchError, launchOptions } from '../../electron/main/launch-options';

/** What `npm start` and the _electron tests hand the desk. */
const TEST_ENV = {
  ZHIBAN_DATA_DIR: '/tmp/zhiban-throwaway',
  ZHIBAN_SQLITE_BINDING: '/tmp/evil/better_sqlite3.node',
  ZHIBAN_SERVER_URL: 'http://127.0.0.1:5180',
};
/** process.argv of an installed desk (the executable, then its switches) and of `electron .` in development. */
const PACKAGED_ARGV = ['/opt/Zhiban/zhiban'];
const DEV_ARGV = ['/repo/node_modules/electron/dist/electron', '.'];

describe('desktop launch options', () => {
  it('an installed desk ignores every ZHIBAN_* variable and seeds no demo', () => {
    expect(launchOptions(TEST_ENV, PACKAGED_ARGV, true)).toEqual({ demo: false });
    expect(launchOptions({}, PACKAGED_ARGV, true)).toEqual({ demo: false });
  });

  it('an installed desk seeds the demo only when started with --demo', () => {
    expect(launchOptions(TEST_ENV, [...PACKAGED_ARGV, '--demo'], true)).toEqual({ demo: true });
    // Near misses are not the switch.
    expect(launchOptions({}, [...PACKAGED_ARGV, '--demo=false'], true).demo).toBe(false);
    expect(launchOptions({}, [...PACKAGED_ARGV, '--no-demo'], true).demo).toBe(false);
  });

  it('an installed desk takes its central server from --server only', () => {
    expect(launchOptions(TEST_ENV, [...PACKAGED_ARGV, '--server=http://10.0.0.5:5180'], true)).toEqual({ serverUrl: 'http://10.0.0.5:5180', demo: false });
    expect(launchOptions({}, [...PACKAGED_ARGV, '--server', 'https://zhiban.example.cn'], true)).toEqual({ serverUrl: 'https://zhiban.example.cn', demo: false });
  });

  it('development honours the test variables and seeds the demo (as before)', () => {
    expect(launchOptions(TEST_ENV, DEV_ARGV, false)).toEqual({
      dataDir: '/tmp/zhiban-throwaway',
      sqliteBinding: '/tmp/evil/better_sqlite3.node',
      serverUrl: 'http://127.0.0.1:5180',
      demo: true,
    });
    expect(launchOptions({}, DEV_ARGV, false)).toEqual({ dataDir: undefined, sqliteBinding: undefined, serverUrl: undefined, demo: true });
    // Empty values count as unset.
    expect(launchOptions({ ZHIBAN_DATA_DIR: '', ZHIBAN_SERVER_URL: '' }, DEV_ARGV, false)).toMatchObject({ dataDir: undefined, serverUrl: undefined });
  });

  it('in development --server wins over ZHIBAN_SERVER_URL', () => {
    expect(launchOptions(TEST_ENV, [...DEV_ARGV, '--server=http://10.0.0.9:6000'], false).serverUrl).toBe('http://10.0.0.9:6000');
  });

  it.each([
    [['--server']],
    [['--server', '--demo']],
    [['--server=10.0.0.5:5180']],
    [['--server=file:///etc/passwd']],
  ])('refuses %j with a message instead of starting unlinked', (args) => {
    expect(() => launchOptions({}, [...PACKAGED_ARGV, ...args], true)).toThrow(LaunchError);
  });

  it('a bad ZHIBAN_SERVER_URL is refused in development and never even read when packaged', () => {
    expect(() => launchOptions({ ZHIBAN_SERVER_URL: 'ftp://x' }, DEV_ARGV, false)).toThrow(LaunchError);
    expect(launchOptions({ ZHIBAN_SERVER_URL: 'ftp://x' }, PACKAGED_ARGV, true)).toEqual({ demo: false });
  });
});
