import { ApiError } from '../api/http';

/** The file name a Content-Disposition header gives ("attachment; filename=\"x.csv\""), or the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=(?:UTF-8'')?([^;]+)/i)?.[1];
  if (star) return decodeURIComponent(star.trim().replace(/^"|"$/g, ''));
  return disposition?.match(/filename="?([^";]+)"?/i)?.[1]?.trim() ?? fallback;
}

/**
 * Downloads a file through fetch rather than a plain link, so a refusal (the FEC's 422 when the
 * company's SIREN is not configured, a case package still being prepared) is shown on the page
 * instead of replacing it or being saved as the file.
 */
export async function downloadReport(path: string, fallback: string): Promise<{ fileName: string; headers: Headers }> {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) {
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: the status text says enough
    }
    const message = typeof body === 'object' && body && 'message' in body ? String((body as { message: unknown }).message) : response.statusText;
    throw new ApiError(response.status, message, body);
  }
  const fileName = fileNameOf(response.headers.get('Content-Disposition'), fallback);
  saveFile(await response.blob(), fileName);
  return { fileName, headers: response.headers };
}

/** Hands a file made or fetched in the page to the browser's downloads. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
