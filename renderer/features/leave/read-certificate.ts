import type { Certificate } from '../../../shared/leave/schemas';

const TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;

/** A certificate file as the API carries it; type and size are checked again by the schema. */
export async function readCertificate(file: File, from: string, to: string): Promise<Certificate> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const mime = (TYPES as readonly string[]).includes(file.type) ? (file.type as Certificate['mime']) : ('application/octet-stream' as Certificate['mime']);
  return { name: file.name.slice(0, 120), mime, dataBase64: btoa(binary), from, to };
}
