/**
 * Who is working (*petugas*), as recorded in the audit log. The app has no
 * log-in: the name of the last workflow step is kept in the database (the
 * core records it with the audit log) and offered again in the next dialog.
 */
let current = '';

export function actor(): string {
  return current;
}

/** The name typed in a dialog, for the rest of this session. */
export function setActor(name: string): void {
  if (name.trim()) current = name.trim();
}

/** Starts the session with the name the database remembers. */
export function rememberActor(name: string): void {
  if (!current && name.trim()) current = name.trim();
}
