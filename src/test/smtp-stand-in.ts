import { SMTPServer } from "smtp-server";

// A real SMTP server on a local port (the `smtp-server` package, the same protocol code as
// production mail relays use), standing in for the provider: it requires AUTH, speaks the
// whole SMTP dialogue with nodemailer, and can refuse recipients on purpose.

export type ReceivedMail = { from: string; to: string[]; raw: string };

export async function startSmtpStandIn(opts: { user: string; pass: string }) {
  const received: ReceivedMail[] = [];
  /** Recipients the server answers with a temporary failure (450), as a full mailbox or greylisting would. */
  const refuse = new Set<string>();
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === opts.user && auth.password === opts.pass) return cb(null, { user: auth.username });
      cb(new Error("Invalid username or password"));
    },
    onRcptTo(address, _session, cb) {
      if (refuse.has(address.address)) {
        const err = new Error("Mailbox temporarily unavailable") as Error & { responseCode: number };
        err.responseCode = 450;
        return cb(err);
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    url: `smtp://${encodeURIComponent(opts.user)}:${encodeURIComponent(opts.pass)}@127.0.0.1:${port}`,
    received,
    refuse,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
