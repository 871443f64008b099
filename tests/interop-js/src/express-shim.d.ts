// express 5 ships no types and @types/express is not a dependency here. The tests only mount
// the SDK's routers, so a minimal declaration is enough (also for the SDK's own .d.ts files,
// which import `Request` and `RequestHandler`).
declare module "express" {
  export type Request = any;
  export type RequestHandler = any;
  const express: any;
  export default express;
}
