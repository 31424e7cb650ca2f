/** JSON with binary fields: Uint8Array values are written as {"$b64": "..."} and read back. */

export function stringifyWithBytes(value: unknown): string {
  return JSON.stringify(value, function replacer(this: Record<string, unknown>, key: string, serialised: unknown) {
    const raw = key === '' ? value : this[key];
    if (raw instanceof Uint8Array) {
      return { $b64: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') };
    }
    return serialised;
  });
}

export function parseWithBytes<T>(text: string): T {
  return JSON.parse(text, (_key, value) => {
    if (value && typeof value === 'object' && typeof value.$b64 === 'string' && Object.keys(value).length === 1) {
      return new Uint8Array(Buffer.from(value.$b64, 'base64'));
    }
    return value;
  }) as T;
}
