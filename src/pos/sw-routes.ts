// Shared by the page (which warms the cache) and the service worker (which serves it).
export const POS_PAGES_CACHE = "pos-pages";

/** The offline POS page of any business: /<slug>/terminal[/...] */
export const isPosPagePath = (pathname: string) => /^\/[a-z0-9-]+\/terminal(\/.*)?$/.test(pathname);
