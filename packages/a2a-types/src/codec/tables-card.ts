/**
 * Field table of the AgentCard and security messages of A2A v1.0 (see tables.ts).
 * Private, no semver.
 */
import { defineMessage } from "./descriptor.js";

export const AuthorizationCodeOAuthFlowDesc = defineMessage(
  "lf.a2a.v1.AuthorizationCodeOAuthFlow",
  [
    { name: "authorization_url", type: "string", flags: "R" },
    { name: "token_url", type: "string", flags: "R" },
    { name: "refresh_url", type: "string" },
    { name: "scopes", type: "string", flags: "RM" },
    { name: "pkce_required", type: "bool" },
  ],
);

export const ClientCredentialsOAuthFlowDesc = defineMessage(
  "lf.a2a.v1.ClientCredentialsOAuthFlow",
  [
    { name: "token_url", type: "string", flags: "R" },
    { name: "refresh_url", type: "string" },
    { name: "scopes", type: "string", flags: "RM" },
  ],
);

export const ImplicitOAuthFlowDesc = defineMessage("lf.a2a.v1.ImplicitOAuthFlow", [
  { name: "authorization_url", type: "string" },
  { name: "refresh_url", type: "string" },
  { name: "scopes", type: "string", flags: "M" },
]);

export const PasswordOAuthFlowDesc = defineMessage("lf.a2a.v1.PasswordOAuthFlow", [
  { name: "token_url", type: "string" },
  { name: "refresh_url", type: "string" },
  { name: "scopes", type: "string", flags: "M" },
]);

export const DeviceCodeOAuthFlowDesc = defineMessage("lf.a2a.v1.DeviceCodeOAuthFlow", [
  { name: "device_authorization_url", type: "string", flags: "R" },
  { name: "token_url", type: "string", flags: "R" },
  { name: "refresh_url", type: "string" },
  { name: "scopes", type: "string", flags: "RM" },
]);

export const OAuthFlowsDesc = defineMessage("lf.a2a.v1.OAuthFlows", [
  { name: "authorization_code", type: AuthorizationCodeOAuthFlowDesc, oneof: "flow" },
  { name: "client_credentials", type: ClientCredentialsOAuthFlowDesc, oneof: "flow" },
  { name: "implicit", type: ImplicitOAuthFlowDesc, oneof: "flow" },
  { name: "password", type: PasswordOAuthFlowDesc, oneof: "flow" },
  { name: "device_code", type: DeviceCodeOAuthFlowDesc, oneof: "flow" },
]);

export const APIKeySecuritySchemeDesc = defineMessage("lf.a2a.v1.APIKeySecurityScheme", [
  { name: "description", type: "string" },
  { name: "location", type: "string", flags: "R" },
  { name: "name", type: "string", flags: "R" },
]);

export const HTTPAuthSecuritySchemeDesc = defineMessage("lf.a2a.v1.HTTPAuthSecurityScheme", [
  { name: "description", type: "string" },
  { name: "scheme", type: "string", flags: "R" },
  { name: "bearer_format", type: "string" },
]);

export const OAuth2SecuritySchemeDesc = defineMessage("lf.a2a.v1.OAuth2SecurityScheme", [
  { name: "description", type: "string" },
  { name: "flows", type: OAuthFlowsDesc, flags: "R" },
  { name: "oauth2_metadata_url", type: "string" },
]);

export const OpenIdConnectSecuritySchemeDesc = defineMessage(
  "lf.a2a.v1.OpenIdConnectSecurityScheme",
  [
    { name: "description", type: "string" },
    { name: "open_id_connect_url", type: "string", flags: "R" },
  ],
);

export const MutualTlsSecuritySchemeDesc = defineMessage("lf.a2a.v1.MutualTlsSecurityScheme", [
  { name: "description", type: "string" },
]);

export const SecuritySchemeDesc = defineMessage("lf.a2a.v1.SecurityScheme", [
  { name: "api_key_security_scheme", type: APIKeySecuritySchemeDesc, oneof: "scheme" },
  { name: "http_auth_security_scheme", type: HTTPAuthSecuritySchemeDesc, oneof: "scheme" },
  { name: "oauth2_security_scheme", type: OAuth2SecuritySchemeDesc, oneof: "scheme" },
  {
    name: "open_id_connect_security_scheme",
    type: OpenIdConnectSecuritySchemeDesc,
    oneof: "scheme",
  },
  { name: "mtls_security_scheme", type: MutualTlsSecuritySchemeDesc, oneof: "scheme" },
]);

export const StringListDesc = defineMessage("lf.a2a.v1.StringList", [
  { name: "list", type: "string", flags: "*" },
]);

export const SecurityRequirementDesc = defineMessage("lf.a2a.v1.SecurityRequirement", [
  { name: "schemes", type: StringListDesc, flags: "M" },
]);

export const AgentInterfaceDesc = defineMessage("lf.a2a.v1.AgentInterface", [
  { name: "url", type: "string", flags: "R" },
  { name: "protocol_binding", type: "string", flags: "R" },
  { name: "tenant", type: "string" },
  { name: "protocol_version", type: "string", flags: "R" },
]);

export const AgentProviderDesc = defineMessage("lf.a2a.v1.AgentProvider", [
  { name: "url", type: "string", flags: "R" },
  { name: "organization", type: "string", flags: "R" },
]);

export const AgentExtensionDesc = defineMessage("lf.a2a.v1.AgentExtension", [
  { name: "uri", type: "string" },
  { name: "description", type: "string" },
  { name: "required", type: "bool" },
  { name: "params", type: "struct" },
]);

export const AgentCapabilitiesDesc = defineMessage("lf.a2a.v1.AgentCapabilities", [
  { name: "streaming", type: "bool", flags: "O" },
  { name: "push_notifications", type: "bool", flags: "O" },
  { name: "extensions", type: AgentExtensionDesc, flags: "*" },
  { name: "extended_agent_card", type: "bool", flags: "O" },
]);

export const AgentSkillDesc = defineMessage("lf.a2a.v1.AgentSkill", [
  { name: "id", type: "string", flags: "R" },
  { name: "name", type: "string", flags: "R" },
  { name: "description", type: "string", flags: "R" },
  { name: "tags", type: "string", flags: "R*" },
  { name: "examples", type: "string", flags: "*" },
  { name: "input_modes", type: "string", flags: "*" },
  { name: "output_modes", type: "string", flags: "*" },
  { name: "security_requirements", type: SecurityRequirementDesc, flags: "*" },
]);

export const AgentCardSignatureDesc = defineMessage("lf.a2a.v1.AgentCardSignature", [
  { name: "protected", type: "string", flags: "R" },
  { name: "signature", type: "string", flags: "R" },
  { name: "header", type: "struct" },
]);

export const AgentCardDesc = defineMessage("lf.a2a.v1.AgentCard", [
  { name: "name", type: "string", flags: "R" },
  { name: "description", type: "string", flags: "R" },
  { name: "supported_interfaces", type: AgentInterfaceDesc, flags: "R*" },
  { name: "provider", type: AgentProviderDesc },
  { name: "version", type: "string", flags: "R" },
  { name: "documentation_url", type: "string", flags: "O" },
  { name: "capabilities", type: AgentCapabilitiesDesc, flags: "R" },
  { name: "security_schemes", type: SecuritySchemeDesc, flags: "M" },
  { name: "security_requirements", type: SecurityRequirementDesc, flags: "*" },
  { name: "default_input_modes", type: "string", flags: "R*" },
  { name: "default_output_modes", type: "string", flags: "R*" },
  { name: "skills", type: AgentSkillDesc, flags: "R*" },
  { name: "signatures", type: AgentCardSignatureDesc, flags: "*" },
  { name: "icon_url", type: "string", flags: "O" },
]);
