// The one generator of entity ids: time-ordered, so ids sort by creation within a partition.
import { randomBytes } from "node:crypto";
import type { Clock } from "./clock.ts";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function encode(value: bigint, length: number): string {
  let out = "";
  let rest = value;
  for (let i = 0; i < length; i++) {
    out = CROCKFORD.charAt(Number(rest % 32n)) + out;
    rest /= 32n;
  }
  return out;
}

/** A ULID: 48 bits of milliseconds, then 80 random bits, in Crockford base32 (26 characters). */
export function newId(clock: Clock): string {
  const time = BigInt(clock.now().getTime());
  const random = BigInt(`0x${randomBytes(10).toString("hex")}`);
  return encode(time, 10) + encode(random, 16);
}
