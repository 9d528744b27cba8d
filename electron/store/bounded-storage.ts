// Process: main or browser host (Node). The store's write path checks every document before SQLite sees it:
// its schema (closed objects, bounded strings and lists, safe ids, formats) and its total size. Whoever writes
// (a window over the channel, the host's commands, sync) gets one clear refusal that names the document.
import { getPrimaryFieldOfPrimaryKey } from 'rxdb';
import type { BulkWriteRow, RxDocumentData, RxJsonSchema, RxStorage, RxStorageInstance, RxStorageWriteErrorValidation } from 'rxdb';
import { getValidator } from 'rxdb/plugins/validate-ajv';
import { describeSchemaErrors, documentName, documentSizeProblem } from '../../shared/schemas/bounds.ts';

type Validate = (doc: unknown) => { instancePath?: string; message?: string; params?: Record<string, unknown> }[];

const validators = new Map<string, Validate>();

/** One compiled validator per schema, whoever asks (the channel, the command runner). */
export function validatorFor(schema: RxJsonSchema<unknown>): Validate {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) validators.set(key, (validate = getValidator(schema as never) as Validate));
  return validate;
}

/**
 * Why a document may not be stored, or undefined. The size comes first: it bounds what the schema leaves open
 * (`_meta`), and a 10 MB value is refused without ajv walking it. The text never quotes the document's values.
 */
export function documentProblem(collection: string, id: unknown, doc: unknown, validate: Validate): string | undefined {
  const name = documentName(collection, id);
  const tooLarge = documentSizeProblem(name, doc);
  if (tooLarge) return tooLarge;
  const errors = validate(doc);
  return errors.length > 0 ? `${name}: ${describeSchemaErrors(errors)}` : undefined;
}

/** A refusal a write can throw: the problem is the message, already in words. */
export class DocumentRefused extends Error {
  override name = 'DocumentRefused';
}

/**
 * `storage` with every bulkWrite checked row by row, as RxDB's validate-ajv wrapper does (a refused row is a 422
 * error in the result, the others are written), replacing it: its errors carry the whole refused document back
 * to the writer, 10 MB over the channel for a 10 MB document. Here they carry its id only.
 */
export function wrappedBoundedStorage<Internals, Options>(args: { storage: RxStorage<Internals, Options> }): RxStorage<Internals, Options> {
  return {
    ...args.storage,
    name: `bounded-${args.storage.name}`,
    async createStorageInstance<RxDocType>(params: Parameters<RxStorage<Internals, Options>['createStorageInstance']>[0]) {
      const instance = (await args.storage.createStorageInstance<RxDocType>(params as never)) as RxStorageInstance<RxDocType, Internals, Options>;
      const primaryPath = getPrimaryFieldOfPrimaryKey(params.schema.primaryKey) as string;
      const validate = validatorFor(params.schema as RxJsonSchema<unknown>);
      const bulkWrite = instance.bulkWrite.bind(instance);
      instance.bulkWrite = async (rows: BulkWriteRow<RxDocType>[], context: string) => {
        const refused: RxStorageWriteErrorValidation<RxDocType>[] = [];
        const fine: BulkWriteRow<RxDocType>[] = [];
        for (const row of rows) {
          const id = (row.document as Record<string, unknown>)[primaryPath];
          const problem = documentProblem(params.collectionName, id, row.document, validate);
          if (!problem) {
            fine.push(row);
            continue;
          }
          const shortId = typeof id === 'string' ? id.slice(0, 100) : '';
          refused.push({
            status: 422,
            isError: true,
            documentId: shortId,
            validationErrors: [{ field: '', message: problem }],
            schema: instance.schema,
            writeRow: { document: { [primaryPath]: shortId } as unknown as RxDocumentData<RxDocType> },
            context,
          });
        }
        const result = fine.length > 0 ? await bulkWrite(fine, context) : { error: [] };
        return { ...result, error: [...result.error, ...refused] };
      };
      return instance;
    },
  } as RxStorage<Internals, Options>;
}
