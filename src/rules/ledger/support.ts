import type { Field, FormHeader, NaturalPerson, Training } from '../../declaration/model.js';

export type StoredAction = 'CREATE' | 'REPLACE' | 'CANCEL';

/** Each training of the person with one of `actions`, with what the ledger rules look it up by. */
export function* trainingsWith(person: NaturalPerson, form: FormHeader, actions: readonly StoredAction[]): Generator<{ training: Training; reference: Field; companyId: string; action: StoredAction }> {
  const companyId = form.companyId?.text;
  if (companyId === undefined) return;
  for (const training of person.trainings) {
    const action = training.action?.text as StoredAction | undefined;
    const reference = training.userReference;
    if (reference !== undefined && action !== undefined && actions.includes(action)) yield { training, reference, companyId, action };
  }
}
