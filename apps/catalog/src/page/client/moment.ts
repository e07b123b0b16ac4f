// Moments as the page shows them, the same from the server's HTML and the monitor's script.

/** `2026-01-06 02:00:13 UTC` from an ISO timestamp (anything else as it is). */
export const when = (iso: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC` : iso);
