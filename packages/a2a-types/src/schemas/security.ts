import { z } from "zod";
import { registerSchema } from "../codec/descriptor.js";
import {
  APIKeySecuritySchemeDesc,
  AuthorizationCodeOAuthFlowDesc,
  ClientCredentialsOAuthFlowDesc,
  DeviceCodeOAuthFlowDesc,
  HTTPAuthSecuritySchemeDesc,
  ImplicitOAuthFlowDesc,
  MutualTlsSecuritySchemeDesc,
  OAuth2SecuritySchemeDesc,
  OAuthFlowsDesc,
  OpenIdConnectSecuritySchemeDesc,
  PasswordOAuthFlowDesc,
  SecurityRequirementDesc,
  SecuritySchemeDesc,
  StringListDesc,
} from "../codec/tables-card.js";
import { absent } from "./primitives.js";

const scopes = z.record(z.string(), z.string());

/** `lf.a2a.v1.AuthorizationCodeOAuthFlow`. */
export const AuthorizationCodeOAuthFlowSchema = z.object({
  authorizationUrl: z.string(),
  tokenUrl: z.string(),
  refreshUrl: z.string().optional(),
  scopes,
  pkceRequired: z.boolean().optional(),
});
registerSchema(AuthorizationCodeOAuthFlowSchema, AuthorizationCodeOAuthFlowDesc);
/** OAuth 2.0 authorization code flow. */
export type AuthorizationCodeOAuthFlow = z.infer<typeof AuthorizationCodeOAuthFlowSchema>;

/** `lf.a2a.v1.ClientCredentialsOAuthFlow`. */
export const ClientCredentialsOAuthFlowSchema = z.object({
  tokenUrl: z.string(),
  refreshUrl: z.string().optional(),
  scopes,
});
registerSchema(ClientCredentialsOAuthFlowSchema, ClientCredentialsOAuthFlowDesc);
/** OAuth 2.0 client credentials flow. */
export type ClientCredentialsOAuthFlow = z.infer<typeof ClientCredentialsOAuthFlowSchema>;

/** `lf.a2a.v1.ImplicitOAuthFlow` (deprecated by the spec). */
export const ImplicitOAuthFlowSchema = z.object({
  authorizationUrl: z.string().optional(),
  refreshUrl: z.string().optional(),
  scopes: scopes.optional(),
});
registerSchema(ImplicitOAuthFlowSchema, ImplicitOAuthFlowDesc);
/** OAuth 2.0 implicit flow (deprecated). */
export type ImplicitOAuthFlow = z.infer<typeof ImplicitOAuthFlowSchema>;

/** `lf.a2a.v1.PasswordOAuthFlow` (deprecated by the spec). */
export const PasswordOAuthFlowSchema = z.object({
  tokenUrl: z.string().optional(),
  refreshUrl: z.string().optional(),
  scopes: scopes.optional(),
});
registerSchema(PasswordOAuthFlowSchema, PasswordOAuthFlowDesc);
/** OAuth 2.0 password flow (deprecated). */
export type PasswordOAuthFlow = z.infer<typeof PasswordOAuthFlowSchema>;

/** `lf.a2a.v1.DeviceCodeOAuthFlow` (RFC 8628). */
export const DeviceCodeOAuthFlowSchema = z.object({
  deviceAuthorizationUrl: z.string(),
  tokenUrl: z.string(),
  refreshUrl: z.string().optional(),
  scopes,
});
registerSchema(DeviceCodeOAuthFlowSchema, DeviceCodeOAuthFlowDesc);
/** OAuth 2.0 device code flow. */
export type DeviceCodeOAuthFlow = z.infer<typeof DeviceCodeOAuthFlowSchema>;

/** `lf.a2a.v1.OAuthFlows`: exactly one flow. */
export const OAuthFlowsSchema = z.union([
  z.object({
    authorizationCode: AuthorizationCodeOAuthFlowSchema,
    clientCredentials: absent,
    implicit: absent,
    password: absent,
    deviceCode: absent,
  }),
  z.object({
    clientCredentials: ClientCredentialsOAuthFlowSchema,
    authorizationCode: absent,
    implicit: absent,
    password: absent,
    deviceCode: absent,
  }),
  z.object({
    implicit: ImplicitOAuthFlowSchema,
    authorizationCode: absent,
    clientCredentials: absent,
    password: absent,
    deviceCode: absent,
  }),
  z.object({
    password: PasswordOAuthFlowSchema,
    authorizationCode: absent,
    clientCredentials: absent,
    implicit: absent,
    deviceCode: absent,
  }),
  z.object({
    deviceCode: DeviceCodeOAuthFlowSchema,
    authorizationCode: absent,
    clientCredentials: absent,
    implicit: absent,
    password: absent,
  }),
]);
registerSchema(OAuthFlowsSchema, OAuthFlowsDesc);
/** The one OAuth flow of an OAuth2 security scheme. */
export type OAuthFlows = z.infer<typeof OAuthFlowsSchema>;

/** `lf.a2a.v1.APIKeySecurityScheme`. */
export const APIKeySecuritySchemeSchema = z.object({
  description: z.string().optional(),
  /** `"query"`, `"header"` or `"cookie"`. */
  location: z.string(),
  name: z.string(),
});
registerSchema(APIKeySecuritySchemeSchema, APIKeySecuritySchemeDesc);
/** API key in a query parameter, header or cookie. */
export type APIKeySecurityScheme = z.infer<typeof APIKeySecuritySchemeSchema>;

/** `lf.a2a.v1.HTTPAuthSecurityScheme`. */
export const HTTPAuthSecuritySchemeSchema = z.object({
  description: z.string().optional(),
  scheme: z.string(),
  bearerFormat: z.string().optional(),
});
registerSchema(HTTPAuthSecuritySchemeSchema, HTTPAuthSecuritySchemeDesc);
/** HTTP authentication (Bearer, Basic, …). */
export type HTTPAuthSecurityScheme = z.infer<typeof HTTPAuthSecuritySchemeSchema>;

/** `lf.a2a.v1.OAuth2SecurityScheme`. */
export const OAuth2SecuritySchemeSchema = z.object({
  description: z.string().optional(),
  flows: OAuthFlowsSchema,
  oauth2MetadataUrl: z.string().optional(),
});
registerSchema(OAuth2SecuritySchemeSchema, OAuth2SecuritySchemeDesc);
/** OAuth 2.0 with one flow. */
export type OAuth2SecurityScheme = z.infer<typeof OAuth2SecuritySchemeSchema>;

/** `lf.a2a.v1.OpenIdConnectSecurityScheme`. */
export const OpenIdConnectSecuritySchemeSchema = z.object({
  description: z.string().optional(),
  openIdConnectUrl: z.string(),
});
registerSchema(OpenIdConnectSecuritySchemeSchema, OpenIdConnectSecuritySchemeDesc);
/** OpenID Connect discovery. */
export type OpenIdConnectSecurityScheme = z.infer<typeof OpenIdConnectSecuritySchemeSchema>;

/** `lf.a2a.v1.MutualTlsSecurityScheme`. */
export const MutualTlsSecuritySchemeSchema = z.object({
  description: z.string().optional(),
});
registerSchema(MutualTlsSecuritySchemeSchema, MutualTlsSecuritySchemeDesc);
/** Mutual TLS. */
export type MutualTlsSecurityScheme = z.infer<typeof MutualTlsSecuritySchemeSchema>;

/** `lf.a2a.v1.SecurityScheme`: exactly one of the five scheme kinds. */
export const SecuritySchemeSchema = z.union([
  z.object({
    apiKeySecurityScheme: APIKeySecuritySchemeSchema,
    httpAuthSecurityScheme: absent,
    oauth2SecurityScheme: absent,
    openIdConnectSecurityScheme: absent,
    mtlsSecurityScheme: absent,
  }),
  z.object({
    httpAuthSecurityScheme: HTTPAuthSecuritySchemeSchema,
    apiKeySecurityScheme: absent,
    oauth2SecurityScheme: absent,
    openIdConnectSecurityScheme: absent,
    mtlsSecurityScheme: absent,
  }),
  z.object({
    oauth2SecurityScheme: OAuth2SecuritySchemeSchema,
    apiKeySecurityScheme: absent,
    httpAuthSecurityScheme: absent,
    openIdConnectSecurityScheme: absent,
    mtlsSecurityScheme: absent,
  }),
  z.object({
    openIdConnectSecurityScheme: OpenIdConnectSecuritySchemeSchema,
    apiKeySecurityScheme: absent,
    httpAuthSecurityScheme: absent,
    oauth2SecurityScheme: absent,
    mtlsSecurityScheme: absent,
  }),
  z.object({
    mtlsSecurityScheme: MutualTlsSecuritySchemeSchema,
    apiKeySecurityScheme: absent,
    httpAuthSecurityScheme: absent,
    oauth2SecurityScheme: absent,
    openIdConnectSecurityScheme: absent,
  }),
]);
registerSchema(SecuritySchemeSchema, SecuritySchemeDesc);
/** A security scheme of an agent card. */
export type SecurityScheme = z.infer<typeof SecuritySchemeSchema>;

/** `lf.a2a.v1.StringList` (empty list serialises as `{}`). */
export const StringListSchema = z.object({ list: z.array(z.string()).optional() });
registerSchema(StringListSchema, StringListDesc);
/** A list of strings (the scopes of one scheme in a requirement). */
export type StringList = z.infer<typeof StringListSchema>;

/** `lf.a2a.v1.SecurityRequirement`: scheme name → required scopes (all needed). */
export const SecurityRequirementSchema = z.object({
  schemes: z.record(z.string(), StringListSchema).optional(),
});
registerSchema(SecurityRequirementSchema, SecurityRequirementDesc);
/** One alternative of security requirements: every named scheme is needed. */
export type SecurityRequirement = z.infer<typeof SecurityRequirementSchema>;
