import protobuf from 'protobufjs';

// The part of onnx.proto (field numbers from the ONNX specification) that the int8 rewrite reads or writes. Every
// other message is declared `bytes`: protobufjs drops fields it doesn't know, and a length-delimited submessage read
// as bytes is written back byte for byte.
const schema = `
syntax = "proto2";
package onnx;
message ModelProto {
  optional int64 ir_version = 1;
  optional string producer_name = 2;
  optional string producer_version = 3;
  optional string domain = 4;
  optional int64 model_version = 5;
  optional string doc_string = 6;
  optional GraphProto graph = 7;
  repeated OperatorSetIdProto opset_import = 8;
  repeated bytes metadata_props = 14;
  repeated bytes training_info = 20;
  repeated bytes functions = 25;
  repeated bytes configuration = 26;
}
message OperatorSetIdProto {
  optional string domain = 1;
  optional int64 version = 2;
}
message GraphProto {
  repeated NodeProto node = 1;
  optional string name = 2;
  repeated TensorProto initializer = 5;
  optional string doc_string = 10;
  repeated bytes input = 11;
  repeated bytes output = 12;
  repeated bytes value_info = 13;
  repeated bytes quantization_annotation = 14;
  repeated bytes sparse_initializer = 15;
  repeated bytes metadata_props = 16;
}
message NodeProto {
  repeated string input = 1;
  repeated string output = 2;
  optional string name = 3;
  optional string op_type = 4;
  repeated AttributeProto attribute = 5;
  optional string doc_string = 6;
  optional string domain = 7;
  optional string overload = 8;
  repeated bytes metadata_props = 9;
  repeated bytes device_configurations = 10;
}
message AttributeProto {
  optional string name = 1;
  optional float f = 2;
  optional int64 i = 3;
  optional bytes s = 4;
  optional bytes t = 5;
  optional bytes g = 6;
  repeated float floats = 7;
  repeated int64 ints = 8;
  repeated bytes strings = 9;
  repeated bytes tensors = 10;
  repeated bytes graphs = 11;
  optional string doc_string = 13;
  optional bytes tp = 14;
  repeated bytes type_protos = 15;
  optional int32 type = 20;
  optional string ref_attr_name = 21;
  optional bytes sparse_tensor = 22;
  repeated bytes sparse_tensors = 23;
}
message TensorProto {
  repeated int64 dims = 1;
  optional int32 data_type = 2;
  optional bytes segment = 3;
  repeated float float_data = 4 [packed = true];
  repeated int32 int32_data = 5 [packed = true];
  repeated bytes string_data = 6;
  repeated int64 int64_data = 7 [packed = true];
  optional string name = 8;
  optional bytes raw_data = 9;
  repeated double double_data = 10 [packed = true];
  repeated uint64 uint64_data = 11 [packed = true];
  optional string doc_string = 12;
  repeated bytes external_data = 13;
  optional int32 data_location = 14;
  repeated bytes metadata_props = 16;
}
`;

export interface OnnxTensor {
  name: string;
  dims: number[];
  dataType: number;
  rawData?: Uint8Array;
  floatData?: number[];
}
export interface OnnxAttribute {
  name: string;
  type: number;
  i?: number;
}
export interface OnnxNode {
  input: string[];
  output: string[];
  name?: string;
  opType: string;
  domain?: string;
  attribute: OnnxAttribute[];
}
export interface OnnxGraph {
  node: OnnxNode[];
  initializer: OnnxTensor[];
}
export interface OnnxModel {
  graph: OnnxGraph;
  opsetImport: { domain?: string; version: number }[];
}

export const TensorType = { FLOAT: 1, UINT8: 2, INT8: 3, INT32: 6 } as const;
export const AttributeType = { INT: 2 } as const;

const root = protobuf.parse(schema, { keepCase: false }).root;
const ModelProto = root.lookupType('onnx.ModelProto');

export function decodeModel(bytes: Uint8Array): OnnxModel {
  const message = ModelProto.decode(bytes);
  // int64 fields come back as numbers (none in this model exceed 2^53), bytes stay bytes, and every field the
  // rewrite doesn't name rides along untouched.
  return ModelProto.toObject(message, { longs: Number, arrays: true, defaults: false }) as OnnxModel;
}

export function encodeModel(model: OnnxModel): Uint8Array {
  return ModelProto.encode(ModelProto.fromObject(model)).finish();
}
