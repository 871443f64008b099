import type { OAuthFlows, SecurityRequirement, SecurityScheme } from "@agentmesh/a2a-types";
import type * as pb from "../gen/a2a_pb.js";
import { ConversionError } from "./scalars.js";

// Security schemes and requirements of the AgentCard, both directions.

/** `lf.a2a.v1.SecurityRequirement[]` → model (an empty scope list is `{}`). */
export function requirementsFromProto(list: pb.SecurityRequirement[]): SecurityRequirement[] {
  return list.map((r) => {
    const schemes: Record<string, { list?: string[] }> = {};
    for (const [name, scopes] of Object.entries(r.schemes)) {
      schemes[name] = scopes.list.length > 0 ? { list: scopes.list } : {};
    }
    return Object.keys(schemes).length > 0 ? { schemes } : {};
  });
}

/** Model → `lf.a2a.v1.SecurityRequirement[]`. */
export function requirementsToProto(
  list: readonly SecurityRequirement[] | undefined,
): pb.SecurityRequirement[] {
  if (list === undefined) return [];
  return list.map((r) => {
    const schemes: { [k: string]: pb.StringList } = {};
    for (const [name, scopes] of Object.entries(r.schemes ?? {})) {
      schemes[name] = { $typeName: "lf.a2a.v1.StringList", list: scopes?.list ?? [] };
    }
    return { $typeName: "lf.a2a.v1.SecurityRequirement", schemes };
  });
}

/** Sets `out[key] = value` unless `value` is `""` (an implicit-presence default). */
export function opt<T extends object, K extends string>(out: T, key: K, value: string): void {
  if (value !== "") (out as Record<string, unknown>)[key] = value;
}

function flowsFromProto(f: pb.OAuthFlows | undefined, path: string): OAuthFlows {
  const flow = f?.flow;
  switch (flow?.case) {
    case "authorizationCode": {
      const v = flow.value;
      const out = { authorizationUrl: v.authorizationUrl, tokenUrl: v.tokenUrl, scopes: v.scopes };
      opt(out, "refreshUrl", v.refreshUrl);
      if (v.pkceRequired) (out as { pkceRequired?: boolean }).pkceRequired = true;
      return { authorizationCode: out };
    }
    case "clientCredentials": {
      const v = flow.value;
      const out = { tokenUrl: v.tokenUrl, scopes: v.scopes };
      opt(out, "refreshUrl", v.refreshUrl);
      return { clientCredentials: out };
    }
    case "implicit": {
      const v = flow.value;
      const out = {};
      opt(out, "authorizationUrl", v.authorizationUrl);
      opt(out, "refreshUrl", v.refreshUrl);
      if (Object.keys(v.scopes).length > 0) (out as { scopes?: object }).scopes = v.scopes;
      return { implicit: out };
    }
    case "password": {
      const v = flow.value;
      const out = {};
      opt(out, "tokenUrl", v.tokenUrl);
      opt(out, "refreshUrl", v.refreshUrl);
      if (Object.keys(v.scopes).length > 0) (out as { scopes?: object }).scopes = v.scopes;
      return { password: out };
    }
    case "deviceCode": {
      const v = flow.value;
      const out = {
        deviceAuthorizationUrl: v.deviceAuthorizationUrl,
        tokenUrl: v.tokenUrl,
        scopes: v.scopes,
      };
      opt(out, "refreshUrl", v.refreshUrl);
      return { deviceCode: out };
    }
    default:
      throw new ConversionError(path, "OAuthFlows needs one flow");
  }
}

function flowsToProto(f: OAuthFlows): pb.OAuthFlows {
  const base = { $typeName: "lf.a2a.v1.OAuthFlows" } as const;
  if (f.authorizationCode !== undefined) {
    const v = f.authorizationCode;
    return {
      ...base,
      flow: {
        case: "authorizationCode",
        value: {
          $typeName: "lf.a2a.v1.AuthorizationCodeOAuthFlow",
          authorizationUrl: v.authorizationUrl,
          tokenUrl: v.tokenUrl,
          refreshUrl: v.refreshUrl ?? "",
          scopes: v.scopes,
          pkceRequired: v.pkceRequired ?? false,
        },
      },
    };
  }
  if (f.clientCredentials !== undefined) {
    const v = f.clientCredentials;
    return {
      ...base,
      flow: {
        case: "clientCredentials",
        value: {
          $typeName: "lf.a2a.v1.ClientCredentialsOAuthFlow",
          tokenUrl: v.tokenUrl,
          refreshUrl: v.refreshUrl ?? "",
          scopes: v.scopes,
        },
      },
    };
  }
  if (f.implicit !== undefined) {
    const v = f.implicit;
    return {
      ...base,
      flow: {
        case: "implicit",
        value: {
          $typeName: "lf.a2a.v1.ImplicitOAuthFlow",
          authorizationUrl: v.authorizationUrl ?? "",
          refreshUrl: v.refreshUrl ?? "",
          scopes: v.scopes ?? {},
        },
      },
    };
  }
  if (f.password !== undefined) {
    const v = f.password;
    return {
      ...base,
      flow: {
        case: "password",
        value: {
          $typeName: "lf.a2a.v1.PasswordOAuthFlow",
          tokenUrl: v.tokenUrl ?? "",
          refreshUrl: v.refreshUrl ?? "",
          scopes: v.scopes ?? {},
        },
      },
    };
  }
  if (f.deviceCode !== undefined) {
    const v = f.deviceCode;
    return {
      ...base,
      flow: {
        case: "deviceCode",
        value: {
          $typeName: "lf.a2a.v1.DeviceCodeOAuthFlow",
          deviceAuthorizationUrl: v.deviceAuthorizationUrl,
          tokenUrl: v.tokenUrl,
          refreshUrl: v.refreshUrl ?? "",
          scopes: v.scopes,
        },
      },
    };
  }
  return { ...base, flow: { case: undefined } };
}

/** `lf.a2a.v1.SecurityScheme` → model; a scheme without a member is a {@link ConversionError}. */
export function schemeFromProto(s: pb.SecurityScheme, path: string): SecurityScheme {
  const sc = s.scheme;
  switch (sc.case) {
    case "apiKeySecurityScheme": {
      const out = { location: sc.value.location, name: sc.value.name };
      opt(out, "description", sc.value.description);
      return { apiKeySecurityScheme: out };
    }
    case "httpAuthSecurityScheme": {
      const out = { scheme: sc.value.scheme };
      opt(out, "description", sc.value.description);
      opt(out, "bearerFormat", sc.value.bearerFormat);
      return { httpAuthSecurityScheme: out };
    }
    case "oauth2SecurityScheme": {
      const out = { flows: flowsFromProto(sc.value.flows, `${path}.oauth2SecurityScheme.flows`) };
      opt(out, "description", sc.value.description);
      opt(out, "oauth2MetadataUrl", sc.value.oauth2MetadataUrl);
      return { oauth2SecurityScheme: out };
    }
    case "openIdConnectSecurityScheme": {
      const out = { openIdConnectUrl: sc.value.openIdConnectUrl };
      opt(out, "description", sc.value.description);
      return { openIdConnectSecurityScheme: out };
    }
    case "mtlsSecurityScheme": {
      const out = {};
      opt(out, "description", sc.value.description);
      return { mtlsSecurityScheme: out };
    }
    default:
      throw new ConversionError(path, "SecurityScheme needs one scheme");
  }
}

/** Model → `lf.a2a.v1.SecurityScheme`. */
export function schemeToProto(s: SecurityScheme): pb.SecurityScheme {
  const t = "lf.a2a.v1.SecurityScheme" as const;
  if (s.apiKeySecurityScheme !== undefined) {
    const v = s.apiKeySecurityScheme;
    return {
      $typeName: t,
      scheme: {
        case: "apiKeySecurityScheme",
        value: {
          $typeName: "lf.a2a.v1.APIKeySecurityScheme",
          description: v.description ?? "",
          location: v.location,
          name: v.name,
        },
      },
    };
  }
  if (s.httpAuthSecurityScheme !== undefined) {
    const v = s.httpAuthSecurityScheme;
    return {
      $typeName: t,
      scheme: {
        case: "httpAuthSecurityScheme",
        value: {
          $typeName: "lf.a2a.v1.HTTPAuthSecurityScheme",
          description: v.description ?? "",
          scheme: v.scheme,
          bearerFormat: v.bearerFormat ?? "",
        },
      },
    };
  }
  if (s.oauth2SecurityScheme !== undefined) {
    const v = s.oauth2SecurityScheme;
    return {
      $typeName: t,
      scheme: {
        case: "oauth2SecurityScheme",
        value: {
          $typeName: "lf.a2a.v1.OAuth2SecurityScheme",
          description: v.description ?? "",
          flows: flowsToProto(v.flows),
          oauth2MetadataUrl: v.oauth2MetadataUrl ?? "",
        },
      },
    };
  }
  if (s.openIdConnectSecurityScheme !== undefined) {
    const v = s.openIdConnectSecurityScheme;
    return {
      $typeName: t,
      scheme: {
        case: "openIdConnectSecurityScheme",
        value: {
          $typeName: "lf.a2a.v1.OpenIdConnectSecurityScheme",
          description: v.description ?? "",
          openIdConnectUrl: v.openIdConnectUrl,
        },
      },
    };
  }
  if (s.mtlsSecurityScheme !== undefined) {
    return {
      $typeName: t,
      scheme: {
        case: "mtlsSecurityScheme",
        value: {
          $typeName: "lf.a2a.v1.MutualTlsSecurityScheme",
          description: s.mtlsSecurityScheme.description ?? "",
        },
      },
    };
  }
  return { $typeName: t, scheme: { case: undefined } };
}
