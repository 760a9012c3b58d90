import { basename, dirname, join } from 'node:path';

export interface AnswerPaths {
  readonly receipt: string;
  readonly notification: string;
}

/** `<input>.ACRF.xml` and `<input>.NOTI.xml`, next to the input or in `outDir`. */
export function answerPaths(input: string, outDir?: string): AnswerPaths {
  const dir = outDir ?? dirname(input);
  const name = basename(input);
  return { receipt: join(dir, `${name}.ACRF.xml`), notification: join(dir, `${name}.NOTI.xml`) };
}
