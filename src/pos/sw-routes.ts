// Shared by the page (which warms the cache) and the service worker (which serves it).
export const POS_PAGES_CACHE = "pos-pages";

/** The offline POS page and the stock-conflicts page of any business: /<slug>/caja[/...] */
export const isPosPagePath = (pathname: string) => /^\/[a-z0-9-]+\/caja(\/.*)?$/.test(pathname);
