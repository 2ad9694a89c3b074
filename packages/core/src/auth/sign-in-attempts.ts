import type { SignInFailures } from '@hotline/domain';

/**
 * Who is trying to sign in, as the throttle counts it: the account (an official's id, or a
 * digest of a login that matches nobody), the source (a device known for that account, else
 * the address) and the address.
 */
export interface SignInAttemptKeys {
  account: string;
  source: string;
  address: string;
}

/** Failed sign-ins, counted where every API process sees them (the Redis store in the API). */
export interface SignInAttempts {
  read(keys: SignInAttemptKeys, now: Date): Promise<SignInFailures>;
  /** Counts one failure (a wrong password or second-factor code). */
  fail(keys: SignInAttemptKeys, now: Date): Promise<void>;
  /** A success forgets the failures of this account from this source. */
  succeed(keys: SignInAttemptKeys): Promise<void>;
}

/**
 * Where a sign-in comes from, as the throttle counts it: the address (as the API's rate limits
 * key it, which may group addresses) and the device, when it signed someone in before (a signed
 * cookie).
 */
export interface SignInOrigin {
  address: string;
  device: KnownDevice | null;
}

/** A browser that signed officials in before. */
export interface KnownDevice {
  id: string;
  /** The officials who signed in from it. */
  officialIds: ReadonlySet<string>;
}

// The windows a store keeps failures for (the policy is in the domain).
export {
  ACCOUNT_CEILING,
  ACCOUNT_WINDOW_MS,
  ADDRESS_CEILING,
  ADDRESS_WINDOW_MS,
  SOURCE_MEMORY_MS,
} from '@hotline/domain';
