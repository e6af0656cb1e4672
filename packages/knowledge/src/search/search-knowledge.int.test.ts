import { useMigratedDatabase } from '@botflow/db/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import { searchKnowledge, type KnowledgeHit, type SearchKnowledgeInput } from './index.ts';
import { addDocument, createOrganisationWithKnowledgeBase, embeddingAlong } from './search-fixtures.ts';

const database = useMigratedDatabase();

const BREAKFAST = 'Breakfast is served from seven to ten in the garden room.';
const ids = { a: '', a1: '', a2: '', b: '', b1: '', docA1: '', docA2: '', docB: '' };
const chunksOf = { a: new Set<string>(), b: new Set<string>() };

beforeAll(async () => {
  const { prisma } = database;
  const a = await createOrganisationWithKnowledgeBase(prisma, 'guesthouse-a');
  const a2 = await prisma.knowledgeBase.create({
    data: { organisationId: a.organisation.id, name: 'Parking', embeddingModel: 'all-MiniLM-L6-v2', dimension: 384 },
  });
  const b = await createOrganisationWithKnowledgeBase(prisma, 'guesthouse-b');
  Object.assign(ids, { a: a.organisation.id, a1: a.knowledgeBase.id, a2: a2.id, b: b.organisation.id });
  ids.b1 = b.knowledgeBase.id;

  // Organisation B holds the same breakfast chunk (same words, same vector) as A: only the filter tells them apart.
  const docA1 = await addDocument(prisma, ids.a1, [
    { content: BREAKFAST, embedding: embeddingAlong(1), tags: ['food'] },
    { content: 'Late check-out until two costs 20 euros.', embedding: embeddingAlong(2), tags: ['rooms'] },
    { content: 'Your zebracode is printed on the key card.', embedding: null },
  ]);
  const docA2 = await addDocument(prisma, ids.a2, [
    { content: 'Parking is free behind the building.', embedding: embeddingAlong(3) },
  ]);
  const docB = await addDocument(prisma, ids.b1, [
    { content: BREAKFAST, embedding: embeddingAlong(1), tags: ['food'] },
    { content: 'The zebracode of the safe is 4412.', embedding: null, tags: ['rooms'] },
    { content: 'Late check-out until two costs 20 euros.', embedding: embeddingAlong(2), tags: ['rooms'] },
  ]);
  Object.assign(ids, { docA1: docA1.documentId, docA2: docA2.documentId, docB: docB.documentId });
  for (const id of [...docA1.chunkIds, ...docA2.chunkIds]) chunksOf.a.add(id);
  for (const id of docB.chunkIds) chunksOf.b.add(id);
});

/** Searches as organisation A and checks that nothing of B's came back, whatever was asked. */
async function searchAsA(input: Partial<SearchKnowledgeInput>): Promise<KnowledgeHit[]> {
  const hits = await searchKnowledge(database.prisma, {
    organisationId: ids.a,
    query: BREAKFAST,
    queryEmbedding: embeddingAlong(1),
    topK: 50,
    ...input,
  });
  expect(hits.filter((hit) => !chunksOf.a.has(hit.chunkId))).toEqual([]);
  return hits;
}

describe('searchKnowledge', () => {
  it('fuses the dense and lexical ranks, best first', async () => {
    const hits = await searchAsA({});
    expect(hits[0]).toMatchObject({ content: BREAKFAST, knowledgeBaseId: ids.a1, position: 0 });
    expect(hits[0]?.score).toBeCloseTo(1, 9);
    expect(hits[0]?.dense).toMatchObject({ rank: 1 });
    expect(hits[0]?.dense?.similarity).toBeCloseTo(1, 5);
    expect(hits[0]?.lexical).toMatchObject({ rank: 1 });
    expect(hits.map((hit) => hit.score)).toEqual(hits.map((hit) => hit.score).sort((x, y) => y - x));
  });

  it('finds by meaning alone when the question shares no word with the chunks', async () => {
    const hits = await searchAsA({ query: 'what is it?', queryEmbedding: embeddingAlong(3), topK: 2 });
    expect(hits.map((hit) => [hit.content, hit.lexical])).toEqual([
      ['Parking is free behind the building.', null],
      [expect.any(String), null],
    ]);
  });

  it('finds by words alone chunks that have no embedding', async () => {
    const hits = await searchAsA({ query: 'Where is the zebracode?' });
    const lexicalOnly = hits.filter((hit) => hit.dense === null);
    expect(lexicalOnly.map((hit) => hit.content)).toEqual(['Your zebracode is printed on the key card.']);
    // B's own search finds B's chunk the same way: the filter, not the data, keeps it from A.
    const ofB = await searchKnowledge(database.prisma, {
      organisationId: ids.b,
      query: 'Where is the zebracode?',
      queryEmbedding: embeddingAlong(1),
    });
    expect(ofB.find((hit) => hit.dense === null)?.content).toBe('The zebracode of the safe is 4412.');
    expect(ofB.every((hit) => chunksOf.b.has(hit.chunkId))).toBe(true);
  });

  it("never returns another organisation's chunks, whatever ids are passed", async () => {
    expect(await searchAsA({ knowledgeBaseIds: [ids.b1] })).toEqual([]);
    expect(await searchAsA({ documentIds: [ids.docB] })).toEqual([]);
    expect(await searchAsA({ knowledgeBaseIds: [ids.b1], documentIds: [ids.docB], tags: ['food'] })).toEqual([]);
    expect(await searchAsA({ organisationId: 'no-such-organisation' })).toEqual([]);
    const mixed = await searchAsA({ knowledgeBaseIds: [ids.a2, ids.b1], query: 'zebracode 4412 parking' });
    expect(mixed.map((hit) => hit.knowledgeBaseId)).toEqual([ids.a2]);
  });

  it('filters by knowledge base, document and tag', async () => {
    const inA2 = await searchAsA({ knowledgeBaseIds: [ids.a2] });
    expect(inA2.map((hit) => hit.content)).toEqual(['Parking is free behind the building.']);
    const inDocA1 = await searchAsA({ documentIds: [ids.docA1, ids.docB] });
    expect(new Set(inDocA1.map((hit) => hit.documentId))).toEqual(new Set([ids.docA1]));
    expect(inDocA1).toHaveLength(2); // the third chunk has no embedding and none of the question's words
    const rooms = await searchAsA({ tags: ['rooms', 'spa'], query: 'check-out zebracode' });
    expect(rooms.map((hit) => hit.content)).toEqual(['Late check-out until two costs 20 euros.']);
    expect(await searchAsA({ tags: [] })).toEqual([]);
    expect(await searchAsA({ knowledgeBaseIds: [] })).toEqual([]);
  });

  it('drops chunks less similar than minScore, lexical matches included', async () => {
    const hits = await searchAsA({ query: 'zebracode breakfast', minScore: 0.9 });
    expect(hits.map((hit) => hit.content)).toEqual([BREAKFAST]);
  });

  it('returns at most topK hits and rejects bad input', async () => {
    expect(await searchAsA({ topK: 2 })).toHaveLength(2);
    await expect(searchAsA({ topK: 0 })).rejects.toThrow(/topK/);
    await expect(searchAsA({ queryEmbedding: new Float32Array(3) })).rejects.toThrow(/384/);
  });

  it('reads questions with quotes, backslashes and only stop words', async () => {
    for (const query of ["it's \\ 'quoted' & | ! :*", 'the of and is', '']) {
      const hits = await searchAsA({ query, topK: 1 });
      expect(hits[0]?.content).toBe(BREAKFAST);
    }
  });
});
