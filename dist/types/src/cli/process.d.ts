import { type Readable } from 'node:stream';
/**
 * A key file as a stream that can always be given up on. Opened without blocking, so that a FIFO with no writer
 * does not hold a worker thread (which no exit could end), and read through the event loop when it is a pipe or a
 * terminal, where a read may wait for ever.
 */
export declare function openKeyFile(path: string): Readable;
/** The coze-token command wired to this process: argv, environment, stdio, exit code. */
export declare function runCommandLine(): Promise<void>;
