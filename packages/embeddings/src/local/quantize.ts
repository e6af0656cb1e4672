import { AttributeType, TensorType, decodeModel, encodeModel, type OnnxNode, type OnnxTensor } from './onnx-model.ts';

// Dynamic int8 quantisation of every MatMul whose right operand is a 2-D float weight, the rewrite onnxruntime's own
// quantiser produces (and its optimiser fuses into DynamicQuantizeMatMul):
//   x ─DynamicQuantizeLinear→ (x_q, x_scale, x_zp) ─MatMulInteger(x_q, W_q, x_zp, W_zp)→ Cast(float) → × (x_scale·W_scale)
// Weights are symmetric int8 with one scale per output column: per-tensor scales cost far more quality on this model.
// Activations get one uint8 scale per tensor, computed at run time over the whole batch.

export interface QuantizeReport {
  matMuls: number;
  weightBytesBefore: number;
  weightBytesAfter: number;
}

export function quantizeMatMulWeights(fp32: Uint8Array): { model: Uint8Array; report: QuantizeReport } {
  const model = decodeModel(fp32);
  const graph = model.graph;
  const opset = model.opsetImport.find((o) => !o.domain)?.version ?? 0;
  if (opset < 11) throw new Error(`int8 needs ONNX opset 11 or later (DynamicQuantizeLinear); the model has ${opset}`);

  const initializers = new Map(graph.initializer.map((t) => [t.name, t]));
  const quantizedWeights = new Map<string, string[]>();
  const quantizedInputs = new Map<string, string[]>();
  const report: QuantizeReport = { matMuls: 0, weightBytesBefore: 0, weightBytesAfter: 0 };
  const nodes: OnnxNode[] = [];

  for (const node of graph.node) {
    const [input, weightName] = node.input;
    const weight = weightName === undefined ? undefined : initializers.get(weightName);
    if (node.opType !== 'MatMul' || input === undefined || !weight || !isFloatMatrix(weight)) {
      nodes.push(node);
      continue;
    }
    const output = node.output[0] ?? '';
    const base = node.name || output;
    let w = quantizedWeights.get(weight.name);
    if (!w) {
      const q = quantizeColumns(weight);
      graph.initializer.push(...q.tensors);
      w = q.tensors.map((t) => t.name);
      quantizedWeights.set(weight.name, w);
      report.weightBytesBefore += floatValues(weight).length * 4;
      report.weightBytesAfter += q.tensors.reduce((sum, t) => sum + (t.rawData?.length ?? 0), 0);
    }
    let x = quantizedInputs.get(input);
    if (!x) {
      x = [`${input}_quantized`, `${input}_scale`, `${input}_zero_point`];
      nodes.push(op('DynamicQuantizeLinear', `${input}_QuantizeLinear`, [input], x));
      quantizedInputs.set(input, x);
    }
    const [wq, wScale, wZero] = w as [string, string, string];
    const [xq, xScale, xZero] = x as [string, string, string];
    nodes.push(
      op('MatMulInteger', `${base}_quant`, [xq, wq, xZero, wZero], [`${output}_int32`]),
      op(
        'Cast',
        `${base}_cast`,
        [`${output}_int32`],
        [`${output}_float`],
        [{ name: 'to', type: AttributeType.INT, i: TensorType.FLOAT }],
      ),
      op('Mul', `${base}_scales_mul`, [xScale, wScale], [`${output}_scale`]),
      op('Mul', `${base}_output_mul`, [`${output}_float`, `${output}_scale`], [output]),
    );
    report.matMuls++;
  }
  if (report.matMuls === 0) throw new Error('the model has no MatMul with a 2-D float weight to quantise');

  const stillUsed = new Set(nodes.flatMap((n) => n.input));
  graph.initializer = graph.initializer.filter((t) => !quantizedWeights.has(t.name) || stillUsed.has(t.name));
  graph.node = nodes;
  return { model: encodeModel(model), report };
}

function op(opType: string, name: string, input: string[], output: string[], attribute: OnnxNode['attribute'] = []) {
  return { opType, name, input, output, attribute } satisfies OnnxNode;
}

function isFloatMatrix(t: OnnxTensor): boolean {
  return t.dataType === TensorType.FLOAT && t.dims.length === 2 && !t.name.endsWith('_quantized');
}

function floatValues(t: OnnxTensor): Float32Array {
  if (t.rawData && t.rawData.length > 0) {
    // raw_data is little-endian; copy so the Float32Array view is aligned whatever the protobuf buffer offset.
    return new Float32Array(Uint8Array.from(t.rawData).buffer);
  }
  return Float32Array.from(t.floatData ?? []);
}

function quantizeColumns(weight: OnnxTensor): { tensors: OnnxTensor[] } {
  const [rows, cols] = weight.dims as [number, number];
  const values = floatValues(weight);
  const scales = new Float32Array(cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) scales[c] = Math.max(scales[c]!, Math.abs(values[r * cols + c]!));
  }
  for (let c = 0; c < cols; c++) scales[c] = scales[c]! > 0 ? scales[c]! / 127 : 1;
  const quantized = new Int8Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const q = Math.round(values[r * cols + c]! / scales[c]!);
      quantized[r * cols + c] = Math.max(-127, Math.min(127, q));
    }
  }
  const name = weight.name;
  return {
    tensors: [
      tensor(`${name}_quantized`, [rows, cols], TensorType.INT8, new Uint8Array(quantized.buffer)),
      tensor(`${name}_scale`, [cols], TensorType.FLOAT, new Uint8Array(scales.buffer)),
      tensor(`${name}_zero_point`, [cols], TensorType.INT8, new Uint8Array(cols)),
    ],
  };
}

function tensor(name: string, dims: number[], dataType: number, rawData: Uint8Array): OnnxTensor {
  return { name, dims, dataType, rawData };
}
