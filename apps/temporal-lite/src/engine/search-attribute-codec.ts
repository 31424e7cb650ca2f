import { type IPayload, type ISearchAttributes, common, encode } from '../proto/temporal-proto';

/** Search attributes as a run stores them: each payload encoded on its own. */
export function encodeSearchAttributes(attributes: ISearchAttributes | null | undefined): Record<string, Uint8Array> {
  const encoded: Record<string, Uint8Array> = {};
  for (const [name, payload] of Object.entries(attributes?.indexedFields ?? {})) {
    if (payload?.data && payload.data.length > 0) encoded[name] = encode(common.Payload, payload);
  }
  return encoded;
}

export function decodeSearchAttributes(encoded: Record<string, Uint8Array>): ISearchAttributes {
  const indexedFields: Record<string, IPayload> = {};
  for (const [name, bytes] of Object.entries(encoded)) indexedFields[name] = common.Payload.decode(bytes);
  return { indexedFields };
}
