import { describe, expect, it } from 'vitest';
import { unsupportedFields } from './unsupported-fields.ts';

describe('unsupportedFields', () => {
  it('finds Unsupported fields per model with their column, type and optionality', () => {
    const schema = `
model Chunk {
  id        String                      @id
  embedding Unsupported("vector(384)")?
  shape     Unsupported("geometry")     @map("shape_geom")

  @@map("chunks")
}

model Other {
  id String @id
}
`;
    expect(unsupportedFields(schema)).toEqual(
      new Map([
        [
          'Chunk',
          [
            { field: 'embedding', column: 'embedding', type: 'vector(384)', nullable: true },
            { field: 'shape', column: 'shape_geom', type: 'geometry', nullable: false },
          ],
        ],
      ]),
    );
  });
});
