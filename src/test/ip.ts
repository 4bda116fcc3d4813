// A fresh client address per call, so throttling by IP in one test never leaks into the next.
let n = 0;
export const nextIp = () => `198.51.100.${(n = (n + 1) % 250) + 1}-${process.pid}`;
