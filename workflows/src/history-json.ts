import { createRequire } from 'node:module';
import type { History } from '@temporalio/common/lib/proto-utils.js';

/**
 * `historyToJSON` / `historyFromJSON` of `@temporalio/common/lib/proto-utils`, working in this install. npm nests
 * one copy of protobufjs 8 under @temporalio/common and another under @temporalio/proto (the root copy is grpc's
 * protobufjs 7), so the SDK's functions throw "type must be a Type" (an `instanceof` across the copies), and so does
 * `Worker.runReplayHistory` given JSON. These do the same ProtoJSON conversion with the protobufjs copy that
 * @temporalio/proto itself loads, which is right whether or not npm dedupes protobufjs.
 */
const require = createRequire(import.meta.url);
const fromProto = createRequire(require.resolve('@temporalio/proto'));

interface MessageType {
  fromObject(value: unknown): unknown;
}
const proto = require('@temporalio/proto') as { temporal: { api: { history: { v1: { History: MessageType } } } } };
const { patchProtobufRoot } = require('@temporalio/proto/lib/patch-protobuf-root') as {
  patchProtobufRoot: (root: unknown) => { lookupType(name: string): unknown };
};
const protojson = fromProto('protobufjs/ext/protojson') as {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options: { ignoreUnknownFields: boolean }): History;
};
const historyType = patchProtobufRoot(proto).lookupType('temporal.api.history.v1.History');

/** A fetched history as the JSON that Temporal's tools write (never `JSON.stringify` a fetched history). */
export function historyToJSON(history: History): string {
  return JSON.stringify(
    protojson.toJson(historyType, proto.temporal.api.history.v1.History.fromObject(history)),
    null,
    2,
  );
}

/** Parses such JSON back into a History that `Worker.runReplayHistory` takes as is. */
export function historyFromJSON(json: string): History {
  return protojson.fromJson(historyType, JSON.parse(json), { ignoreUnknownFields: true });
}
