/** The claims the emulator puts in (and reads from) its tokens; v1.0 and v2.0 tokens alike. */
export interface TokenClaims {
  aud: string;
  iss: string;
  tid: string;
  ver?: '1.0' | '2.0';
  /** v1.0: the client's id. v2.0 tokens carry `azp` instead. */
  appid?: string;
  azp?: string;
  app_displayname?: string;
  idtyp?: 'app' | 'user';
  oid?: string;
  sub?: string;
  upn?: string;
  unique_name?: string;
  name?: string;
  preferred_username?: string;
  scp?: string;
  roles?: string[];
  amr?: string[];
  acrs?: string[];
  exp?: number;
  iat?: number;
}

/** How a user authenticated in the session a token comes from. */
export interface UserAssertionOptions {
  /** The user completed MFA in this session (`amr` gets `mfa`). */
  mfa?: boolean;
  /** Authentication contexts the session satisfied (`acrs`). */
  acrs?: string[];
}
