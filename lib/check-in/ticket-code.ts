import "server-only";
import { TICKET_CODE_ALPHABET } from "@/lib/orders/tickets";

const CODE_CHARACTERS = 16;
const PREFIX = "MQ";

/**
 * A ticket code as typed at the door or read from its QR code, in the form it is stored
 * (`MQ-7K3D-9XQ2-HB4M-R8TW`), or null when it cannot be one. Typing is forgiven the way Crockford's
 * base32 intends: any case, with or without the prefix, dashes or spaces, O for 0 and I or L for 1.
 */
export function normalizeTicketCode(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  const body =
    compact.length === PREFIX.length + CODE_CHARACTERS && compact.startsWith(PREFIX)
      ? compact.slice(PREFIX.length)
      : compact;
  if (body.length !== CODE_CHARACTERS || [...body].some((c) => !TICKET_CODE_ALPHABET.includes(c))) return null;
  return `${PREFIX}-${body.match(/.{4}/g)!.join("-")}`;
}
