/**
 * Whether a seed's fetch that ended at `finalUrl` is still the same entry point: the redirect only changed the
 * scheme, a `www.`, or a trailing slash. Such a page is judged as the seed (an index page, never an article by its
 * size); a seed that landed elsewhere (a moved article, a short link) is judged by where it landed.
 */
export function sameEntryPoint(seedUrl: string, finalUrl: string): boolean {
  if (finalUrl === seedUrl) return true;
  const key = (u: string) => {
    const url = new URL(u);
    return `${url.hostname.replace(/^www\./, '')}${url.port ? `:${url.port}` : ''}${url.pathname.replace(/\/+$/, '')}${url.search}`;
  };
  try {
    return key(seedUrl) === key(finalUrl);
  } catch {
    return true;
  }
}
