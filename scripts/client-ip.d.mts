export declare function resolveClientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined | null, hops: number): string;
export declare function stampClientAddress(req: import("node:http").IncomingMessage, hops: number, edgeToken: string): string;
