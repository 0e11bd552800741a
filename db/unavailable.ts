/**
 * Errors that mean "the database is not there right now" rather than "this request is wrong": a connection
 * the server dropped (restart, failover, pg_terminate_backend), one that could not be opened, a database
 * that cannot write (disk full, read only), a transaction to simply try again (serialisation, deadlock,
 * timeout). Answered as `unavailable` (503): the desk keeps the work and
 * retries, an integrator knows to try again.
 */
const SQLSTATES = new Set([
  '57P01', // admin_shutdown (pg_terminate_backend)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up)
  '08000', '08001', '08003', '08004', '08006', // connection exceptions
  '53100', // disk_full
  '53200', // out_of_memory
  '58030', // io_error
  '25006', // read_only_sql_transaction (a standby, or writes switched off)
  '40001', // serialization_failure: try again
  '40P01', // deadlock_detected: try again
  '57014', // query_canceled (statement timeout)
  '55P03', // lock_not_available
]);
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOSPC', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_BUSY']);

export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (!e) return false;
  if (typeof e.code === 'string' && (SQLSTATES.has(e.code) || NODE_CODES.has(e.code))) return true;
  const msg = typeof e.message === 'string' ? e.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(msg);
}
