// Contact-sheet uploads. The upload itself uses XMLHttpRequest: fetch cannot
// report upload progress.

import { TRACKING } from './contacts';
import { ApiError, errorFrom, notifyUnauthorized, request } from './http';
import { queryString } from './query';
import type { Upload, UploadDetail } from './tracking-types';
import type { ItemList } from './types';

export const listUploads = (limit = 20, offset = 0) =>
  request<ItemList<Upload>>('GET', `${TRACKING}/uploads${queryString({ limit, offset })}`);

export const getUpload = (id: number) => request<UploadDetail>('GET', `${TRACKING}/uploads/${id}`);

export const uploadErrorsCsvUrl = (id: number) => `${TRACKING}/uploads/${id}/errors.csv`;

export interface UploadProgress {
  loaded: number;
  /** 0 when the browser cannot tell. */
  total: number;
}

/** Sends the sheet as multipart field `file`; resolves with the import summary (201). */
export function uploadContactSheet(file: File, onProgress: (p: UploadProgress) => void): Promise<UploadDetail> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${TRACKING}/contacts/upload`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('X-Requested-With', 'rxtrack');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
    xhr.onerror = () =>
      reject(new ApiError(0, 'network', 'Cannot reach the server. Check the connection and try again.', null, null));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'The upload was cancelled.', null, null));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as UploadDetail);
        } catch {
          reject(new ApiError(xhr.status, 'bad_answer', 'The server sent an answer that could not be read.', null, null));
        }
        return;
      }
      const err = errorFrom(xhr.status, xhr.responseText, xhr.getResponseHeader('Retry-After'));
      if (xhr.status === 401) notifyUnauthorized();
      reject(err);
    };
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.send(body);
  });
}
