// Contact-sheet uploads. The upload itself uses XMLHttpRequest: fetch cannot
// report upload progress.

import { TRACKING } from './contacts';
import { ApiError, errorFrom, notifyUnauthorized, request } from './http';
import { queryString } from './query';
import type { Schemas } from './schema';
import type { Upload, UploadDetail, UploadImported } from './tracking-types';
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

/**
 * How to read a sheet, overriding detection (absent: detected, or the shop's saved mapping).
 * Columns are a header's text, a column letter (`B`) or a 1-based number; `name_column: 'none'`
 * says the sheet has no name column; `header_row: 0` that it has no header row.
 */
export interface SheetChoice {
  sheet?: string;
  header_row?: number;
  phone_column?: string;
  name_column?: string;
}

export type PreviewColumn = Schemas['PreviewColumn'];
export type UploadPreview = Schemas['UploadPreview'];
export type PreviewRow = UploadPreview['rows'][number];

/** Sends the sheet and the choice as multipart form data; resolves with the JSON answer. */
function sendSheet<T>(url: string, file: File, choice: SheetChoice, onProgress?: (p: UploadProgress) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('X-Requested-With', 'rxtrack');
    xhr.setRequestHeader('Accept', 'application/json');
    if (onProgress) xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
    xhr.onerror = () =>
      reject(new ApiError(0, 'network', 'Cannot reach the server. Check the connection and try again.', null, null));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'The upload was cancelled.', null, null));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
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
    if (choice.sheet !== undefined) body.append('sheet', choice.sheet);
    if (choice.header_row !== undefined) body.append('header_row', String(choice.header_row));
    if (choice.phone_column !== undefined) body.append('phone_column', choice.phone_column);
    if (choice.name_column !== undefined) body.append('name_column', choice.name_column);
    xhr.send(body);
  });
}

/**
 * Reads the sheet as an import would and stores nothing: the layout, 20 rows and, with
 * `withCounts`, the counts over the whole file (which cost a read of all of it; without them the
 * answer stops after the 20 rows, so it comes back at once even for a 20 MB sheet).
 */
export const previewContactSheet = (file: File, choice: SheetChoice = {}, withCounts = true) =>
  sendSheet<UploadPreview>(`${TRACKING}/contacts/upload?preview=1${withCounts ? '' : '&counts=0'}`, file, choice);

/** Imports the sheet (multipart field `file`, and the choice); resolves with the summary (201). */
export const uploadContactSheet = (file: File, onProgress: (p: UploadProgress) => void, choice: SheetChoice = {}) =>
  sendSheet<UploadImported>(`${TRACKING}/contacts/upload`, file, choice, onProgress);
