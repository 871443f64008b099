// Conversions between the generated protobuf-es messages (`pb.*`) and the JSON model of
// @agentmesh/a2a-types. `path` arguments name the value in error messages ("message.parts[0]").
export { agentCardFromProto, agentCardToProto } from "./card.js";
export {
  artifactFromProto,
  artifactUpdateFromProto,
  messageFromProto,
  partFromProto,
  sendMessageResponseFromProto,
  statusUpdateFromProto,
  streamResponseFromProto,
  taskFromProto,
  taskStatusFromProto,
} from "./core-from-proto.js";
export {
  artifactToProto,
  artifactUpdateToProto,
  messageToProto,
  partToProto,
  sendMessageResponseToProto,
  statusUpdateToProto,
  streamResponseToProto,
  taskStatusToProto,
  taskToProto,
} from "./core-to-proto.js";
export * from "./requests.js";
export {
  ConversionError,
  timestampFromProto,
  timestampToProto,
  valueFromProto,
  valueToProto,
} from "./scalars.js";
