// The server's connection, as vscode-languageserver makes it from the command line (--node-ipc, --stdio, --socket,
// --pipe), and one thing it does not say: when what was written has left the process. A long answer streamed in
// batches (references to a name in most of 10,000 articles: 120 batches, 8 MB of JSON) waits for its last batch to
// be written before making the next. Without that, batches piled up faster than the client read them; each stayed
// alive until written, and the young-generation collections that had to copy them paused for 10–60 ms.
import { AbstractMessageWriter, IPCMessageReader, type Message, type MessageWriter } from "vscode-jsonrpc/node";
import { createConnection, ProposedFeatures, type Connection } from "vscode-languageserver/node";

export interface Transport {
  connection: Connection;
  /** Resolves once everything written so far has been handed to the operating system, and at least a turn later. */
  drained(): Promise<void>;
}

export function openTransport(argv: readonly string[] = process.argv): Transport {
  if (argv.includes("--node-ipc") && typeof process.send === "function") {
    const writer = new IPCWriter();
    return { connection: createConnection(ProposedFeatures.all, new IPCMessageReader(process), writer), drained: () => writer.drained() };
  }
  const connection = createConnection(ProposedFeatures.all);
  if (argv.includes("--stdio")) return { connection, drained: () => streamDrained(process.stdout) };
  return { connection, drained: nextTurn };
}

const DRAIN_WAIT_MS = 1000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function streamDrained(stream: NodeJS.WritableStream & { writableLength?: number }): Promise<void> {
  await nextTurn();
  if ((stream.writableLength ?? 0) > 0) await new Promise<void>((resolve) => stream.once("drain", resolve));
}

/** vscode-jsonrpc's IPC writer, counting the messages Node has not finished sending. */
class IPCWriter extends AbstractMessageWriter implements MessageWriter {
  private pending = 0;
  private waiting: (() => void)[] = [];
  private errors = 0;

  constructor() {
    super();
    // (As vscode-jsonrpc's own IPC writer listens.)
    process.on("error", (error) => this.fireError(error));
    process.on("close", () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    try {
      this.pending++;
      process.send!(message, undefined, undefined, (error: Error | null) => {
        this.pending--;
        if (error) this.fireError(error, message, ++this.errors);
        else this.errors = 0;
        if (this.pending === 0) for (const resolve of this.waiting.splice(0)) resolve();
      });
      return Promise.resolve();
    } catch (error) {
      this.pending--;
      this.fireError(error as Error, message, ++this.errors);
      return Promise.reject(error);
    }
  }

  /** (Never longer than a second: a channel closing with messages unsent would otherwise keep an answer waiting.) */
  async drained(): Promise<void> {
    await nextTurn();
    if (this.pending === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, DRAIN_WAIT_MS);
      this.waiting.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  end(): void {}
}
