// Shared by the page (which warms the cache) and the service worker (which serves it).
export const POS_PAGES_CACHE = "pos-pages";

/** The point of sale page of any business: /<slug>/pos (its ticket views need the server). */
export const isPosPagePath = (pathname: string) => /^\/[a-z0-9-]+\/pos\/?$/.test(pathname);
