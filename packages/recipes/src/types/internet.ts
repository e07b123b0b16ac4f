import { pick } from "@sdh/rules";
import { z } from "zod";
import { LOREM_WORDS } from "./lorem.js";
import { semanticType } from "./semantic-type.js";

// Network names and addresses that reach nothing: domains under the TLDs RFC 2606 reserves (.example,
// .test), IPv4 addresses in the documentation blocks of RFC 5737, IPv6 in 2001:db8::/32 (RFC 3849),
// and locally administered MAC addresses (never a manufacturer's).

const none = z.strictObject({});
const TEST_NETS = ["192.0.2", "198.51.100", "203.0.113"] as const;
const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

function domain(r: Parameters<typeof pick>[0]): string {
  return `${pick(r, LOREM_WORDS)}-${pick(r, LOREM_WORDS)}.${pick(r, ["example", "test"] as const)}`;
}

export const INTERNET_TYPES = [
  semanticType({ name: "domain", group: "internet", description: "A domain under a reserved TLD (.example, .test)", example: "{ type: domain }", params: none, schema: () => z.string().regex(/^[a-z-]+\.(example|test)$/), make: () => (ctx) => domain(ctx.random) }),
  semanticType({
    name: "url",
    group: "internet",
    description: "An https URL on a reserved domain, with a short path",
    example: "{ type: url }",
    params: none,
    schema: () => z.string().regex(/^https:\/\/www\.[a-z-]+\.(example|test)\/[a-z/-]*$/),
    make: () => (ctx) => `https://www.${domain(ctx.random)}/${pick(ctx.random, LOREM_WORDS)}`,
  }),
  semanticType({ name: "ipv4", group: "internet", description: "An IPv4 address in a documentation block (RFC 5737: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24)", example: "{ type: ipv4 }", params: none, schema: () => z.ipv4(), make: () => (ctx) => `${pick(ctx.random, TEST_NETS)}.${1 + Math.floor(ctx.random.next() * 254)}` }),
  semanticType({ name: "ipv6", group: "internet", description: "An IPv6 address in the documentation prefix 2001:db8::/32 (RFC 3849)", example: "{ type: ipv6 }", params: none, schema: () => z.ipv6(), make: () => (ctx) => `2001:db8:${Array.from({ length: 6 }, () => hex(ctx.random.uint32() & 0xffff, 1)).join(":")}` }),
  semanticType({
    name: "mac_address",
    group: "internet",
    description: "A locally administered unicast MAC address (no manufacturer's prefix)",
    example: "{ type: mac_address }",
    params: none,
    schema: () => z.string().regex(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/),
    make: () => (ctx) => [((ctx.random.uint32() & 0xfc) | 0x02) & 0xfe, ...Array.from({ length: 5 }, () => ctx.random.uint32() & 0xff)].map((b) => hex(b, 2)).join(":"),
  }),
];
