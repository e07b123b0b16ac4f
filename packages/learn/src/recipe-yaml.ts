import { Document, isMap, isSeq, type YAMLMap } from "yaml";

// A learned recipe as a person will read and edit it: a header saying what learn did and did not
// carry, each entity's origin above it, and each field on one line with what was seen beside it.

export interface Notes {
  header: string[];
  entities: Map<string, string>;
  fields: Map<string, Map<string, string>>;
}

export function recipeYaml(document: { entities: Record<string, unknown>; [key: string]: unknown }, notes: Notes): string {
  const doc = new Document(document);
  doc.commentBefore = notes.header.map((line) => ` ${line}`).join("\n");
  const learned = doc.get("learned", true);
  if (isMap(learned)) {
    learned.commentBefore = " What sdh learn measured when it wrote this recipe (kept for the snapshot's readers; not used to generate)";
    for (const pair of (doc.getIn(["learned", "entities"], true) as YAMLMap | undefined)?.items ?? []) if (isMap(pair.value)) pair.value.flow = true;
    const from = learned.get("from", true);
    if (isSeq(from)) from.flow = true;
  }
  for (const entity of Object.keys(document.entities)) {
    const node = doc.getIn(["entities", entity], true);
    const note = notes.entities.get(entity);
    if (note && isMap(node)) (doc.getIn(["entities"], true) as YAMLMap).items.find((p) => String((p.key as { value?: unknown }).value ?? p.key) === entity)!.key = Object.assign(doc.createNode(entity), { commentBefore: ` ${note}` });
    for (const [field, fieldNote] of notes.fields.get(entity) ?? []) {
      const spec = doc.getIn(["entities", entity, "fields", field], true);
      if (!isMap(spec)) continue;
      spec.flow = true;
      spec.comment = ` ${fieldNote}`;
    }
    const parent = doc.getIn(["entities", entity, "parent"], true);
    if (isMap(parent)) parent.flow = true;
    const correlations = doc.getIn(["entities", entity, "correlations"], true);
    if (isMap(correlations)) {
      const fields = correlations.get("fields", true);
      if (isSeq(fields)) fields.flow = true;
      const matrix = correlations.get("matrix", true);
      if (isSeq(matrix)) for (const row of matrix.items) if (isSeq(row)) row.flow = true;
      correlations.commentBefore = " Correlations of the normal scores of these fields (a Gaussian copula): each keeps its own distribution";
    }
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}
