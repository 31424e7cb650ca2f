import { createHash, randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';

/** Password hashes (bcrypt, pure JS) and opaque tokens stored as SHA-256 hashes only. */
export const hashPassword = (password: string) => bcrypt.hash(password, 10);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);
export const newToken = () => randomBytes(32).toString('base64url');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
