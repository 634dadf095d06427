// Shared by the command-line scripts: output piped into `head` or a closed pager ends the program
// quietly instead of crashing with EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
