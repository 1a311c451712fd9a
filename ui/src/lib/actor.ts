/**
 * Who is working (*petugas*), as recorded in the audit log. The app has no
 * log-in; the name typed in a workflow dialog is remembered on this PC.
 */
const KEY = 'edaran.petugas';

export function actor(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function setActor(name: string): void {
  try {
    if (name.trim()) localStorage.setItem(KEY, name.trim());
  } catch {
    // Storage unavailable: the name is simply asked again next time.
  }
}
