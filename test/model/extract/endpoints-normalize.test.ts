import { describe, expect, test } from 'vitest';
import { normalizeMethod, normalizePath, parseQueryString, pathInstanceOf } from '../../../src/model/extract/endpoints/normalize.js';
import { curlMention, findMentions } from '../../../src/model/extract/endpoints/scan.js';
import { classifyLabel, readLabel } from '../../../src/model/extract/endpoints/labels.js';
import { parseAuth, readErrorItem, readQueryList, readQueryParam, schemaName } from '../../../src/model/extract/endpoints/values.js';

const path = (raw: string, template = false) => normalizePath(raw, { template })?.path ?? null;

describe('normalizeMethod', () => {
  test('methods are upper-cased; SSE reads as GET; other words are not methods', () => {
    expect(normalizeMethod('post')).toBe('POST');
    expect(normalizeMethod('OPTIONS')).toBe('OPTIONS');
    expect(normalizeMethod('SSE')).toBe('GET');
    expect(normalizeMethod('WS')).toBeNull();
    expect(normalizeMethod('FETCH')).toBeNull();
  });
});

describe('normalizePath', () => {
  test('host, query string, fragment, trailing slash and trailing punctuation are removed', () => {
    expect(path('http://localhost:8000/api/x')).toBe('/api/x');
    expect(path('https://api.example.com:443/v1/items/')).toBe('/v1/items');
    expect(path('/api/x#section')).toBe('/api/x');
    expect(path('/api/x.')).toBe('/api/x');
    expect(path('/api/x`:')).toBe('/api/x');
    expect(path('/api/x),')).toBe('/api/x');
    expect(path('/')).toBe('/');
  });

  test('parameters: :id, <id>, $ID and ${ID} become {name}; {name} stays', () => {
    expect(path('/api/decks/:id/slides/:slideId')).toBe('/api/decks/{id}/slides/{slideId}');
    expect(path('/admin/providers/<id>/validate')).toBe('/admin/providers/{id}/validate');
    expect(path('/admin/providers/$NEW_ID')).toBe('/admin/providers/{NEW_ID}');
    expect(path('/admin/providers/${NEW_ID}/x')).toBe('/admin/providers/{NEW_ID}/x');
    expect(path('/people/{uuid}')).toBe('/people/{uuid}');
  });

  test('Next.js [code] becomes {code}; template words and non-identifiers stay as written', () => {
    expect(path('/api/rooms/[code]')).toBe('/api/rooms/{code}');
    expect(path('/api/games/[gameId]/state')).toBe('/api/games/{gameId}/state');
    expect(path('/blog/[...slug]')).toBe('/blog/{slug}');
    expect(path('/api/v1/[resource]/{id}')).toBe('/api/v1/[resource]/{id}');
    expect(path('/api/v1/[endpoint]')).toBe('/api/v1/[endpoint]');
    expect(path('/api/[Resource Name]')).toBeNull();
    expect(path('/api/[ResourceName]')).toBe('/api/[ResourceName]');
    expect(path('/api/[RESOURCE]')).toBe('/api/[RESOURCE]');
  });

  test('in a template document every [x] stays a placeholder', () => {
    expect(path('/api/rooms/[code]', true)).toBe('/api/rooms/[code]');
    expect(path('/api/rooms/:code', true)).toBe('/api/rooms/{code}');
  });

  test('the query string becomes query parameters typed from their values', () => {
    expect(normalizePath('/api/v1/[resource]?page=1&limit=20')).toEqual({
      path: '/api/v1/[resource]',
      query: [{ name: 'page', type: 'integer', default: '1' }, { name: 'limit', type: 'integer', default: '20' }],
    });
    expect(parseQueryString('productId={id}&type={type}&limit=100&ratio=0.5&all=true&q=abc&flag')).toEqual([
      { name: 'productId', type: null, default: null },
      { name: 'type', type: null, default: null },
      { name: 'limit', type: 'integer', default: '100' },
      { name: 'ratio', type: 'number', default: '0.5' },
      { name: 'all', type: 'boolean', default: 'true' },
      { name: 'q', type: 'string', default: 'abc' },
      { name: 'flag', type: null, default: null },
    ]);
  });

  test('text that is not a path gives null', () => {
    expect(normalizePath('api/x')).toBeNull();
    expect(normalizePath('/api/a b')).toBeNull();
  });
});

describe('pathInstanceOf', () => {
  test('a value-like segment or any parameter matches a parameter', () => {
    expect(pathInstanceOf('/api/productos/prod-123/stock', '/api/productos/{id}/stock')).toBe(true);
    expect(pathInstanceOf('/admin/providers/{NEW_ID}/validate', '/admin/providers/{id}/validate')).toBe(true);
    expect(pathInstanceOf('/api/decks/recent', '/api/decks/{id}')).toBe(false);
    expect(pathInstanceOf('/api/decks/1/x', '/api/decks/{id}')).toBe(false);
  });
});

describe('findMentions', () => {
  test('method and path with their positions; trailing punctuation is not part of the path', () => {
    const text = 'Call `POST /api/x`, then GET /api/y: done; **PUT** /z.';
    expect(findMentions(text).map((m) => [m.method, m.rawPath, text.slice(m.index, m.end)])).toEqual([
      ['POST', '/api/x', 'POST /api/x'],
      ['GET', '/api/y', 'GET /api/y'],
      ['PUT', '/z', 'PUT** /z'],
    ]);
  });

  test('full URLs, SSE; lower-case words, bare slashes and method names inside words are not mentions', () => {
    expect(findMentions('curl -X DELETE http://localhost:8080/admin/providers/<id>').map((m) => m.rawPath))
      .toEqual(['http://localhost:8080/admin/providers/<id>']);
    expect(findMentions('## SSE /api/jobs/{id}/events').map((m) => m.method)).toEqual(['GET']);
    expect(findMentions('get /api/x, GET / POST requests, FORGET /x, GET http://host/, x.GET /y')).toEqual([]);
  });

  test('curl without -X is GET, or POST when it sends data', () => {
    expect(curlMention('curl -s http://localhost:8080/status | jq .')).toEqual({ method: 'GET', rawPath: 'http://localhost:8080/status' });
    expect(curlMention("curl http://h/api/x -d '{}'")).toEqual({ method: 'POST', rawPath: 'http://h/api/x' });
    expect(curlMention('curl -X PUT http://h/api/x')).toBeNull();
    expect(curlMention('curl http://h/')).toBeNull();
    expect(curlMention('echo http://h/api/x')).toBeNull();
  });
});

describe('labels', () => {
  test('bold labels with statuses written in several ways', () => {
    expect(readLabel('**Authentication**: Required (Bearer token)')).toEqual({ kind: 'auth', status: null, value: 'Required (Bearer token)' });
    expect(readLabel('**Response** (200 OK):')).toEqual({ kind: 'response', status: 200, value: '' });
    expect(readLabel('**Response (201 Created)**:')).toEqual({ kind: 'response', status: 201, value: '' });
    expect(readLabel('- **Response 202**:'.slice(2))).toEqual({ kind: 'response', status: 202, value: '' });
    expect(readLabel('**Response:** `ProviderConfig[]`')).toEqual({ kind: 'response', status: null, value: '`ProviderConfig[]`' });
    expect(readLabel('**Error Cases:**')).toEqual({ kind: 'errors', status: null, value: '' });
    expect(readLabel('**Error Response** (404):')).toEqual({ kind: 'response', status: 404, value: '' });
    expect(readLabel('**Nota**: texto')).toEqual({ kind: 'other', status: null, value: 'texto' });
    expect(readLabel('**POST /api/x** - purpose')).toBeNull();
    expect(readLabel('**bold** text in a sentence')).toBeNull();
  });

  test('plain labels count only for known names', () => {
    expect(readLabel('Response 201:')).toEqual({ kind: 'response', status: 201, value: '' });
    expect(readLabel('authz: open to all authenticated users')).toEqual({ kind: 'auth', status: null, value: 'open to all authenticated users' });
    expect(readLabel('Note: something')).toBeNull();
    expect(classifyLabel('Query Params')).toEqual({ kind: 'query', status: null });
  });
});

describe('values', () => {
  test('auth', () => {
    expect(['Required', 'Required (Bearer)', 'Yes', 'open to all authenticated users', 'None', 'Public', 'No', 'Optional', 'Not required', 'Owner, Admin', '']
      .map(parseAuth)).toEqual(['required', 'required', 'required', 'required', 'none', 'none', 'none', 'optional', 'none', 'unspecified', 'unspecified']);
  });

  test('schema names', () => {
    expect(schemaName('CreateSchema')).toBe('CreateSchema');
    expect(schemaName('PaginatedResponse[ResourceResponse]')).toBe('PaginatedResponse[ResourceResponse]');
    expect(schemaName('`ProviderConfig[]`')).toBe('ProviderConfig[]');
    expect(schemaName('`ErrorResponse` with field details')).toBe('ErrorResponse');
    expect(schemaName('Any subset of `config` and `secretEnvVars`.')).toBeNull();
    expect(schemaName('No content')).toBeNull();
    expect(schemaName('None')).toBeNull();
    expect(schemaName('(empty)')).toBeNull();
  });

  test('query parameters in lists and inline', () => {
    expect(readQueryList('page (int, default 1), limit (int, default 20)')).toEqual([
      { name: 'page', type: 'integer', default: '1' }, { name: 'limit', type: 'integer', default: '20' },
    ]);
    expect(readQueryParam('`nickname`: string (required)')).toEqual({ name: 'nickname', type: 'string', default: null });
    expect(readQueryParam('`limit` (opcional): Límite de resultados (default: 100)')).toEqual({ name: 'limit', type: 'integer', default: '100' });
    expect(readQueryParam('`offset` - number of items to skip')).toEqual({ name: 'offset', type: null, default: null });
    expect(readQueryParam('`as_self` - optional search boolean - default `false`')).toEqual({ name: 'as_self', type: 'boolean', default: 'false' });
  });

  test('error items', () => {
    expect(readErrorItem('`400 Bad Request`: Invalid input parameters')).toEqual({ status: 400, description: 'Invalid input parameters' });
    expect(readErrorItem('404 Not Found')).toEqual({ status: 404, description: 'Not Found' });
    expect(readErrorItem('409 - Conflict with existing name')).toEqual({ status: 409, description: 'Conflict with existing name' });
    expect(readErrorItem('Invalid email: 400 - {error}')).toEqual({ status: 400, description: 'Invalid email' });
    expect(readErrorItem('[Error condition]: [HTTP status] - [Error response]')).toBeNull();
    expect(readErrorItem('Retry after 1.500 seconds')).toBeNull();
  });
});
