/**
 * Saves text made on the device (a calendar file, a CSV report) as a download: nothing
 * goes through the relay, so it works offline too.
 */
export function downloadText(fileName: string, type: string, text: string): void {
  const href = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: Chromium reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** A file name from a title: lowercase words joined by dashes, at most 60 characters. */
export function fileNameFrom(title: string, extension: string, fallback: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || fallback}.${extension}`;
}
