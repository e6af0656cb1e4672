import { describe, expect, it } from 'vitest';
import { decodeModel, encodeModel, TensorType, type OnnxModel } from './onnx-model.ts';
import { quantizeMatMulWeights } from './quantize.ts';

function floats(values: number[]): Uint8Array {
  return new Uint8Array(Float32Array.from(values).buffer);
}

// x ─MatMul(W)→ h ─MatMul(h, x)→ y : only the first MatMul has a weight to quantise.
const model: OnnxModel = {
  opsetImport: [{ version: 11 }],
  graph: {
    node: [
      { opType: 'MatMul', name: 'dense', input: ['x', 'W'], output: ['h'], attribute: [] },
      { opType: 'MatMul', name: 'scores', input: ['h', 'x'], output: ['y'], attribute: [] },
    ],
    initializer: [{ name: 'W', dims: [2, 3], dataType: TensorType.FLOAT, rawData: floats([1, -0.5, 0, -2, 0.25, 0]) }],
  },
};

describe('quantizeMatMulWeights', () => {
  const { model: bytes, report } = quantizeMatMulWeights(encodeModel(model));
  const graph = decodeModel(bytes).graph;
  const byName = new Map(graph.initializer.map((t) => [t.name, t]));

  it('rewrites weight MatMuls into the dynamic int8 pattern and leaves the others', () => {
    expect(graph.node.map((n) => n.opType)).toEqual([
      'DynamicQuantizeLinear',
      'MatMulInteger',
      'Cast',
      'Mul',
      'Mul',
      'MatMul',
    ]);
    expect(graph.node[1]!.input).toEqual(['x_quantized', 'W_quantized', 'x_zero_point', 'W_zero_point']);
    expect(graph.node[4]!.output).toEqual(['h']);
    expect(graph.node[2]!.attribute).toMatchObject([{ name: 'to', type: 2, i: TensorType.FLOAT }]);
    expect(report).toEqual({ matMuls: 1, weightBytesBefore: 24, weightBytesAfter: 6 + 12 + 3 });
  });

  it('scales each output column by its own largest weight, symmetric around zero', () => {
    expect(byName.has('W')).toBe(false);
    const scale = new Float32Array(Uint8Array.from(byName.get('W_scale')!.rawData!).buffer);
    expect(Array.from(scale)).toEqual([2 / 127, 0.5 / 127, 1].map(Math.fround));
    expect(Array.from(new Int8Array(Uint8Array.from(byName.get('W_quantized')!.rawData!).buffer))).toEqual([
      64, -127, 0, -127, 64, 0,
    ]);
    expect(Array.from(byName.get('W_zero_point')!.rawData!)).toEqual([0, 0, 0]);
  });

  it('refuses models older than opset 11', () => {
    expect(() => quantizeMatMulWeights(encodeModel({ ...model, opsetImport: [{ version: 9 }] }))).toThrow(/opset 11/);
  });
});
