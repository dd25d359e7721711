// The one generator of entity ids: time-ordered, so ids sort by creation within a partition.
import { randomBytes } from "node:crypto";
import type { Clock } from "./clock.ts";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RANDOM_LIMIT = 1n << 80n;

function encode(value: bigint, length: number): string {
  let out = "";
  let rest = value;
  for (let i = 0; i < length; i++) {
    out = CROCKFORD.charAt(Number(rest % 32n)) + out;
    rest /= 32n;
  }
  return out;
}

const freshRandom = () => BigInt(`0x${randomBytes(10).toString("hex")}`);

// Ids made in one millisecond follow each other (ULID's monotonic rule): a batch written at once, such as the local
// seed's, lists in the order it was made, as "in the order they were recorded" promises.
let last: { time: bigint; random: bigint } | undefined;

/** A ULID: 48 bits of milliseconds, then 80 random bits, in Crockford base32 (26 characters). */
export function newId(clock: Clock): string {
  const time = BigInt(clock.now().getTime());
  const random = last?.time === time && last.random + 1n < RANDOM_LIMIT ? last.random + 1n : freshRandom();
  last = { time, random };
  return encode(time, 10) + encode(random, 16);
}
