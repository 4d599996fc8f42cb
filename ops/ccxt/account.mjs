// Creates a SkyX account through the browser API (sign-up with the CSRF cookie) and an API key for a bot.
// Bots normally get their key from the web UI; the demo market maker and the smoke test make their own.

function cookies(jar, response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

async function call(base, jar, method, path, body) {
  const headers = { Accept: 'application/json', Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
  if (jar.has('XSRF-TOKEN')) headers['X-XSRF-TOKEN'] = decodeURIComponent(jar.get('XSRF-TOKEN'));
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  cookies(jar, response);
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Signs up `email` (or logs in when it exists) and returns { apiKey, secret } of a new API key. */
export async function createApiKey(base, email, password, label = 'ccxt') {
  const jar = new Map();
  await call(base, jar, 'GET', '/api/v1/auth/csrf');
  try {
    await call(base, jar, 'POST', '/api/v1/auth/signup', { email, password });
  } catch (e) {
    if (!String(e.message).includes('EMAIL_TAKEN')) throw e;
    await call(base, jar, 'POST', '/api/v1/auth/login', { email, password });
  }
  const key = await call(base, jar, 'POST', '/api/v1/api-keys', { label });
  return { apiKey: key.key, secret: key.secret };
}

/** A password for a generated bot account: long and random. */
export function randomPassword() {
  return Array.from(crypto.getRandomValues(new Uint8Array(18)), (b) => b.toString(16).padStart(2, '0')).join('');
}
