// Loaded into the real program (node --import) by crashGuard.test.ts as a stand-in for a library that
// fails on a malformed event outside every listener's try/catch: on SIGUSR2 it leaves a promise
// rejected with nobody awaiting it, or, with CRASH=throw, throws from a callback nobody guards.
process.on('SIGUSR2', () => {
  const error = new Error('malformed event (crash guard test)');
  if (process.env.CRASH === 'throw') setImmediate(() => { throw error; });
  else void Promise.reject(error);
});
