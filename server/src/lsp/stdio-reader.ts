/**
 * The message reader of the stdio server (`seams lsp --stdio`,
 * `dist/server.cjs --stdio`): base-protocol framing read strictly, and the
 * JSON-RPC rules the library leaves to us.
 *
 * - A header block that is not `Name: value` lines, a missing or non-numeric
 *   Content-Length, one above MAX_MESSAGE_BYTES, or a body that stops arriving
 *   half-way is broken framing: nothing after it can be trusted, so `fatal` is
 *   called (the server exits and the editor restarts it) instead of living on
 *   without ever answering again.
 * - A well-framed body that is not JSON is answered with -32700 (id null); one
 *   that is no JSON-RPC message with -32600; reading goes on.
 * - Until `initialize` has been received, every other request is answered with
 *   -32002 and every notification but `exit` is dropped (LSP's lifecycle).
 */
import { AbstractMessageReader, type DataCallback, type Disposable, type Message, type MessageReader } from 'vscode-languageserver/node.js';

/** Larger than any real message (a 50 MB file opened, JSON-escaped, stays well below). */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
const MAX_HEADER_BYTES = 8 * 1024;
/** A body that has stalled this long with bytes still missing is not coming. */
const STALLED_BODY_MS = 10_000;
const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]*: *[\x20-\x7e]*$/;

export interface GuardedReaderHooks {
  /** Sends an answer the reader itself gives (errors for bad input). */
  reply(message: Message): void;
  /** Broken framing: reading cannot go on. */
  fatal(reason: string): void;
}

export class GuardedMessageReader extends AbstractMessageReader implements MessageReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private bodyLength = -1;
  private initialized = false;
  private stalled: NodeJS.Timeout | undefined;
  private broken = false;

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly hooks: GuardedReaderHooks,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (data: Buffer | string) => this.onData(typeof data === 'string' ? Buffer.from(data) : data, callback);
    const onError = (error: Error) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('close', onClose);
    this.input.on('end', onClose);
    return {
      dispose: () => {
        this.input.off('data', onData);
        this.input.off('error', onError);
        this.input.off('close', onClose);
        this.input.off('end', onClose);
        clearTimeout(this.stalled);
      },
    };
  }

  private onData(data: Buffer, callback: DataCallback): void {
    if (this.broken) return;
    this.chunks.push(data);
    this.buffered += data.length;
    clearTimeout(this.stalled);
    this.stalled = undefined;
    for (;;) {
      if (this.bodyLength < 0) {
        const pending = this.peek(Math.min(this.buffered, MAX_HEADER_BYTES + 4));
        const end = pending.indexOf('\r\n\r\n');
        if (end < 0) {
          if (this.buffered > MAX_HEADER_BYTES) return this.fail('a header longer than 8 KB');
          if (!/^[\x20-\x7e\r\n]*$/.test(pending.toString('latin1'))) return this.fail('bytes that are not a header');
          return;
        }
        const length = this.contentLength(pending.subarray(0, end).toString('latin1'));
        if (length === undefined) return;
        this.take(end + 4);
        this.bodyLength = length;
      }
      if (this.buffered < this.bodyLength) {
        this.stalled = setTimeout(
          () => this.fail(`a message body that stopped ${this.bodyLength - this.buffered} bytes short`),
          STALLED_BODY_MS,
        );
        this.stalled.unref();
        return;
      }
      const body = this.take(this.bodyLength);
      this.bodyLength = -1;
      this.deliver(body, callback);
      if (this.broken || this.buffered === 0) return;
    }
  }

  /** The Content-Length of a header block, or undefined after failing on a broken one. */
  private contentLength(header: string): number | undefined {
    let length: number | undefined;
    for (const line of header.split('\r\n')) {
      if (!HEADER_LINE.test(line)) {
        this.fail(`a header line that is not "Name: value" (${JSON.stringify(line.slice(0, 40))})`);
        return undefined;
      }
      const [name, value] = [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()];
      if (name.toLowerCase() !== 'content-length') continue;
      if (!/^\d{1,15}$/.test(value)) {
        this.fail(`a Content-Length that is not a number (${JSON.stringify(value.slice(0, 20))})`);
        return undefined;
      }
      length = Number(value);
    }
    if (length === undefined) {
      this.fail('a header without Content-Length');
      return undefined;
    }
    if (length > MAX_MESSAGE_BYTES) {
      this.fail(`a Content-Length of ${length} bytes, above the limit of ${MAX_MESSAGE_BYTES}`);
      return undefined;
    }
    return length;
  }

  private deliver(body: Buffer, callback: DataCallback): void {
    let message: unknown;
    try {
      message = JSON.parse(body.toString('utf8'));
    } catch (error) {
      this.hooks.reply(errorReply(null, -32700, `Parse error: the message is not JSON (${(error as Error).message})`));
      return;
    }
    const m = message as { jsonrpc?: unknown; id?: unknown; method?: unknown };
    if (typeof m !== 'object' || m === null || Array.isArray(m) || m.jsonrpc !== '2.0') {
      this.hooks.reply(errorReply(null, -32600, 'Invalid Request: expected one JSON-RPC 2.0 message object'));
      return;
    }
    const isRequest = typeof m.method === 'string' && (typeof m.id === 'number' || typeof m.id === 'string');
    const params = (m as { params?: unknown }).params;
    if (isRequest && 'params' in m && (typeof params !== 'object' || params === null)) {
      // JSON-RPC: params, when present, are an object or an array (the library would trip over null).
      this.hooks.reply(
        errorReply(m.id as number | string, -32602, `${m.method as string} needs params as an object, not ${JSON.stringify(params)}`),
      );
      return;
    }
    if (!this.initialized && typeof m.method === 'string') {
      if (m.method === 'initialize') this.initialized = true;
      else if (isRequest) {
        this.hooks.reply(errorReply(m.id as number | string, -32002, `Server not initialized: send initialize before ${m.method}`));
        return;
      } else if (m.method !== 'exit') return;
    }
    callback(message as Message);
  }

  private fail(what: string): void {
    if (this.broken) return;
    this.broken = true;
    clearTimeout(this.stalled);
    this.chunks = [];
    this.buffered = 0;
    this.hooks.fatal(`broken message framing: ${what}`);
  }

  /** The first `n` buffered bytes, without consuming them. */
  private peek(n: number): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks)];
    return (this.chunks[0] ?? Buffer.alloc(0)).subarray(0, n);
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.buffered = rest.length;
    return out;
  }
}

function errorReply(id: number | string | null, code: number, message: string): Message {
  return { jsonrpc: '2.0', id, error: { code, message } } as Message;
}
