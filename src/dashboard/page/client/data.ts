// Reading the embedded model and the lookups every view needs. The data is base64 of gzipped JSON in
// a non-executable script element; DecompressionStream inflates it without any library.

async function readEmbeddedModel(): Promise<Model> {
  const element = document.getElementById('fla-data');
  if (element === null) throw new Error('no #fla-data element');
  const bytes = base64ToBytes((element.textContent ?? '').trim());
  const body = new Response(bytes).body;
  if (body === null) throw new Error('empty data');
  const text = await new Response(body.pipeThrough(new DecompressionStream('gzip'))).text();
  return JSON.parse(text) as Model;
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  // Uint8Array.fromBase64 is newer than the lib: use it where the browser has it, it is faster.
  const native = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }).fromBase64;
  if (native !== undefined) return native(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

interface Store {
  readonly model: Model;
  readonly workerByInss: ReadonlyMap<string, DashboardWorker>;
  /** The trainings by reference and by worker, built on first use (not by the landing view). */
  readonly trainingIndex: () => TrainingIndex;
  /** Workers ordered by name, first name and INSZ: the order of every worker list; sorted on first use. */
  readonly workersByName: () => readonly DashboardWorker[];
}

interface TrainingIndex {
  readonly byReference: ReadonlyMap<string, DashboardTraining>;
  readonly byInss: ReadonlyMap<string, readonly DashboardTraining[]>;
}

function inssDigits(inss: string): string {
  return inss.replace(/\D/g, '');
}

function buildStore(model: Model): Store {
  const workerByInss = new Map<string, DashboardWorker>();
  for (const worker of model.workers) workerByInss.set(inssDigits(worker.inss), worker);
  let trainings: TrainingIndex | null = null;
  const trainingIndex = (): TrainingIndex => {
    trainings ??= indexTrainings(model.trainings);
    return trainings;
  };
  let byName: readonly DashboardWorker[] | null = null;
  // Not needed by the landing view: sorting 50,000 names waits until a list or the search asks.
  const workersByName = (): readonly DashboardWorker[] => {
    byName ??= sortByName(model.workers);
    return byName;
  };
  return { model, workerByInss, trainingIndex, workersByName };
}

function indexTrainings(trainings: readonly DashboardTraining[]): TrainingIndex {
  const byReference = new Map<string, DashboardTraining>();
  const byInss = new Map<string, DashboardTraining[]>();
  for (const training of trainings) {
    byReference.set(training.reference, training);
    const key = inssDigits(training.inss);
    const list = byInss.get(key);
    if (list === undefined) byInss.set(key, [training]);
    else list.push(training);
  }
  return { byReference, byInss };
}

/** Accent- and case-blind keys compared as plain strings: an Intl.Collator is ten times slower here. */
function sortByName(workers: readonly DashboardWorker[]): DashboardWorker[] {
  const keyed = workers.map((worker) => {
    const [name, firstName] = normalizedName(worker);
    return { worker, key: `${name}\u0001${firstName}\u0001${worker.inss}` };
  });
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((entry) => entry.worker);
}

const normalizedNames = new WeakMap<DashboardWorker, readonly [string, string]>();

/** The worker's name and first name without accents and in lower case, made once for sort and search. */
function normalizedName(worker: DashboardWorker): readonly [string, string] {
  let names = normalizedNames.get(worker);
  if (names === undefined) {
    names = [normalizeText(worker.name), normalizeText(worker.firstName)];
    normalizedNames.set(worker, names);
  }
  return names;
}

function findWorker(store: Store, inss: string): DashboardWorker | undefined {
  return store.workerByInss.get(inssDigits(inss));
}

function workerTotals(worker: DashboardWorker): { granted: number; used: number; remaining: number } {
  let granted = 0;
  let used = 0;
  let remaining = 0;
  for (const type of RIGHT_TYPE_ORDER) {
    granted += worker.types[type].granted;
    used += worker.types[type].used;
    remaining += worker.types[type].remaining;
  }
  return { granted, used, remaining };
}

function workerName(worker: DashboardWorker): string {
  return [worker.firstName, worker.name].filter((part) => part !== '').join(' ');
}

/** "Name, First name" as lists show it; a part the declaration left empty is left out. */
function listName(worker: DashboardWorker): string {
  return [worker.name, worker.firstName].filter((part) => part !== '').join(', ');
}

/** The moment a training was last changed: its latest version's processing time. */
function lastProcessed(training: DashboardTraining): string {
  return training.history[training.history.length - 1]?.processedAt ?? '';
}
