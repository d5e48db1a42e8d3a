import { ApiError, CSRF_COOKIE, CSRF_HEADER, NETWORK_ERROR_TYPE, readBrowserCookie, type ProblemDetails } from './client.ts';
import type { Upload } from '@motcua/core/api';

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Sends one file to POST /api/uploads. XMLHttpRequest rather than fetch because only XHR reports
 * upload progress in every browser: on slow mobile data a citizen must see the bar move, or they
 * think the phone froze and press again.
 */
export function uploadFile(file: Blob, filename: string, onProgress: (progress: UploadProgress) => void, signal?: AbortSignal): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/uploads');
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    const token = readBrowserCookie(CSRF_COOKIE);
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // A proxy's HTML error page: fall back to the status below.
      }
      if (xhr.status === 201 || xhr.status === 200) {
        onProgress({ loaded: file.size, total: file.size });
        resolve(body as Upload);
        return;
      }
      const problem = (typeof body === 'object' && body !== null ? body : {}) as Partial<ProblemDetails>;
      reject(new ApiError({ ...problem, type: problem.type ?? 'about:blank', title: problem.title ?? xhr.statusText, status: xhr.status }));
    };
    xhr.onerror = () => reject(new ApiError({ type: NETWORK_ERROR_TYPE, title: 'Network error', status: 0, detail: 'upload failed' }));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, filename);
    xhr.send(form);
  });
}
