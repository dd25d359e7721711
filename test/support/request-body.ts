// The whole body of a request a test's stand-in server received, decoded once (a character split across two chunks
// stays whole).
import type { IncomingMessage } from "node:http";

export async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
