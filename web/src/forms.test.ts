import { describe, expect, it } from 'vitest';
import { errorFrom } from './api/http';
import { formErrors, passwordLength } from './forms';
import { loadError } from './useLoaded';

const unprocessable = (fields: Record<string, string>) =>
  errorFrom(422, JSON.stringify({ error: { code: 'validation_failed', message: 'check the fields', details: { fields } } }), null);

describe('formErrors', () => {
  it('puts 422 reasons next to the fields the form has, as sentences', () => {
    expect(formErrors(unprocessable({ name: 'required', email: 'not an email.' }), ['name', 'email'])).toEqual({
      fields: { name: 'Required.', email: 'Not an email.' },
      message: null,
    });
  });

  it('names the fields the form does not have in the message', () => {
    expect(formErrors(unprocessable({ name: 'required', shop_id: 'unknown' }), ['name'])).toEqual({
      fields: { name: 'Required.' },
      message: 'Check the fields. (shop_id: Unknown.)',
    });
  });

  it('shows the server message when no field is named', () => {
    const err = errorFrom(409, JSON.stringify({ error: { code: 'conflict', message: 'email already in use' } }), null);
    expect(formErrors(err, ['email'])).toEqual({ fields: {}, message: 'Email already in use.' });
  });

  it('falls back on the status when the body is not JSON', () => {
    expect(formErrors(errorFrom(413, '<html>', null), [])).toEqual({ fields: {}, message: 'The file is too large.' });
  });

  it('shows a plain error message, and a fixed one for anything else', () => {
    expect(formErrors(new Error('offline'), ['x'])).toEqual({ fields: {}, message: 'offline' });
    expect(formErrors('boom', ['x'])).toEqual({ fields: {}, message: 'Something went wrong.' });
  });
});

describe('loadError', () => {
  const options = { failure: 'Could not load the contact.', notFound: 'This contact does not exist.' };

  it('names a 404 as the page says it', () => {
    expect(loadError(errorFrom(404, '', null), options)).toBe('This contact does not exist.');
    expect(loadError(errorFrom(404, '', null), { failure: 'x' })).toBe('Not found.');
  });

  it('shows the server message, or the fallback for a non-error', () => {
    expect(loadError(errorFrom(500, JSON.stringify({ error: { code: 'internal', message: 'disk full' } }), null), options)).toBe('Disk full.');
    expect(loadError(undefined, options)).toBe('Could not load the contact.');
  });
});

describe('passwordLength', () => {
  it('counts code points, as the server does', () => {
    expect(passwordLength('abc')).toBe(3);
    expect(passwordLength('😀😀')).toBe(2);
    expect('😀😀'.length).toBe(4);
  });
});
