// A small HTTP service over a partner programme, on node:http alone: a CRM or the host's backend
// posts events, the partner portal reads a partner's standing and statement. It shows the wiring
// (service, store, errors as JSON with a code and a path); a real host adds authentication.
//
//   POST /events                  a JSON array of events (or one event): what was stored
//   GET  /partners/:id            tier, status, progress to the next tier, badges, unlocks, balance
//   GET  /partners/:id/statement  ?from=ISO&to=ISO: opening balance, entries, payouts, closing
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { EngineError, type PartnerProgramme, partnerSummary, StoreError } from '../../src/index.js';

/** The largest request body read (a batch of a few thousand events). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path = '',
  ) {
    super(message);
  }
}

/** An HTTP server over `programme`; call `listen` on it. `now` gives the time partners are shown at. */
export function programmeServer(programme: PartnerProgramme, now: () => Date = () => new Date()): Server {
  return createServer((request, response) => {
    route(programme, request, now)
      .then((answer) => send(response, answer.status, answer.body))
      .catch((error: unknown) => send(response, ...failure(error)));
  });
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

async function route(
  programme: PartnerProgramme,
  request: IncomingMessage,
  now: () => Date,
): Promise<Answer> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const parts = url.pathname.split('/').filter(Boolean).map(decodedPart);
  if (parts.length === 1 && parts[0] === 'events') {
    allow(request, 'POST');
    const body = await readJson(request);
    const events = Array.isArray(body) ? body : [body];
    const result = await programme.ingest(events);
    // 200 when every event was stored or already known; 422 when some were refused (the rest stored).
    return { status: result.rejected.length === 0 ? 200 : 422, body: result };
  }
  if (parts[0] === 'partners' && parts[1] !== undefined && parts.length <= 3) {
    allow(request, 'GET');
    const partnerId = parts[1];
    if (parts.length === 2) return { status: 200, body: partnerPage(programme, partnerId, now()) };
    if (parts[2] === 'statement') return { status: 200, body: await statement(programme, partnerId, url) };
  }
  throw new HttpError(404, 'NOT_FOUND', `no such resource: ${url.pathname}`, 'url');
}

function decodedPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new HttpError(400, 'INVALID_URL', `the path has a malformed %-escape: "${part}"`, 'url');
  }
}

/**
 * The partner as of now: holds released and payout runs passed since the last event are shown
 * (the view works on a copy; the stored history is not changed).
 */
function partnerPage(programme: PartnerProgramme, partnerId: string, now: Date) {
  const { engine } = programme;
  const state = programme.state();
  const summary = partnerSummary(engine.compiled, state, partnerId);
  if (!summary)
    throw new HttpError(404, 'UNKNOWN_PARTNER', `partner "${partnerId}" has not joined`, 'partnerId');
  const later = state.clock === null || now.getTime() > state.clock;
  const view = engine.partnerView(state, partnerId, later ? { at: now.toISOString() } : {});
  return { ...summary, balance: view.commissions, view };
}

async function statement(programme: PartnerProgramme, partnerId: string, url: URL) {
  const options = {
    ...(url.searchParams.has('from') ? { from: url.searchParams.get('from') as string } : {}),
    ...(url.searchParams.has('to') ? { to: url.searchParams.get('to') as string } : {}),
  };
  const entries = await programme.entries(partnerId);
  return programme.engine.statement(programme.state(), entries, partnerId, options);
}

function allow(request: IncomingMessage, method: string): void {
  if (request.method !== method) {
    throw new HttpError(
      405,
      'METHOD_NOT_ALLOWED',
      `${request.method} is not allowed here; use ${method}`,
      'method',
    );
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new HttpError(
        413,
        'BODY_TOO_LARGE',
        `the body is over ${MAX_BODY_BYTES} bytes; post fewer events at once`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'INVALID_JSON', 'the body is not JSON: post an array of events', 'body');
  }
}

/** The status and JSON body of an error: the library's errors keep their code and path. */
function failure(error: unknown): [number, unknown] {
  if (error instanceof HttpError) return [error.status, errorBody(error.code, error.path, error.message)];
  if (error instanceof EngineError) {
    const status = error.code === 'UNKNOWN_PARTNER' ? 404 : 400;
    return [status, errorBody(error.code, error.path, error.message)];
  }
  if (error instanceof StoreError) {
    const status =
      error.code === 'CONFLICT_RETRIES_EXHAUSTED' ? 409 : error.code === 'INVALID_ARGUMENT' ? 400 : 500;
    return [status, errorBody(error.code, error.path, error.message)];
  }
  return [500, errorBody('INTERNAL', '', 'the request could not be answered')];
}

const errorBody = (code: string, path: string, message: string) => ({ error: { code, path, message } });

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  // A body left unread (one too large) would be taken for the next request: close after it.
  const close = status === 413 ? { connection: 'close' } : {};
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...close });
  response.end(text);
}
