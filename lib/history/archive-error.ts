/** A refused archive. Its message is shown to the user as is, so it says in words what is wrong. */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
}
