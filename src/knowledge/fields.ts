// Typed reads of front-matter fields. Each failed read records one `file:line: field: reason`
// problem and returns undefined, so a file's every problem is reported in one pass.
import type { FrontMatter } from './frontmatter.js';

export class Fields {
  private readonly used = new Set<string>();

  constructor(
    readonly file: string,
    private readonly fm: FrontMatter,
    private readonly problems: string[],
  ) {}

  line(field: string): number {
    return this.fm.lines.get(field) ?? 1;
  }

  problem(field: string, reason: string, line = this.line(field)): void {
    this.problems.push(`${this.file}:${line}: ${field}: ${reason}`);
  }

  private raw(field: string, optional: boolean): unknown {
    this.used.add(field);
    const value = this.fm.data[field];
    if ((value === undefined || value === null || value === '') && !optional) this.problem(field, 'is required');
    return value ?? undefined;
  }

  str(field: string): string | undefined;
  str(field: string, optional: true): string | undefined;
  str(field: string, optional = false): string | undefined {
    const value = this.raw(field, optional);
    if (value === undefined || value === '') return undefined;
    if (typeof value === 'string' || typeof value === 'number') return String(value).trim();
    this.problem(field, 'must be text');
    return undefined;
  }

  date(field: string, optional = false): string | undefined {
    const value = optional ? this.str(field, true) : this.str(field);
    if (value !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))) {
      this.problem(field, `"${value}" is not a date written YYYY-MM-DD`);
      return undefined;
    }
    return value;
  }

  /** An optional yes/no field: absent is false. */
  bool(field: string): boolean {
    const value = this.raw(field, true);
    if (value === undefined || typeof value === 'boolean') return value ?? false;
    this.problem(field, 'must be true or false');
    return false;
  }

  /** An optional mapping (`field:` followed by indented `key: value` lines), unchecked inside. */
  map(field: string): Record<string, unknown> | undefined {
    const value = this.raw(field, true);
    if (value === undefined) return undefined;
    if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    this.problem(field, 'must be a set of indented "key: value" lines');
    return undefined;
  }

  int(field: string, min: number, max: number): number | undefined {
    const value = this.raw(field, false);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.problem(field, `must be a whole number from ${min} to ${max}`);
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T | undefined {
    const value = this.str(field);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      this.problem(field, `"${value}" is not one of ${allowed.join(', ')}`);
      return undefined;
    }
    return value as T;
  }

  strList(field: string): string[] {
    const value = this.raw(field, true);
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' && typeof v !== 'number')) {
      this.problem(field, 'must be a list of words or phrases, like [hacking, intrusion]');
      return [];
    }
    return value.map((v) => String(v).trim()).filter(Boolean);
  }

  intList(field: string, min: number, max: number): number[] {
    const value = this.raw(field, true);
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((v) => !Number.isInteger(v) || v < min || v > max)) {
      this.problem(field, `must be a list of whole numbers from ${min} to ${max}, like [8, 9]`);
      return [];
    }
    return value as number[];
  }

  /** Report fields that no reader asked for: usually a typo such as `alias:` for `aliases:`. */
  checkUnknown(): void {
    for (const field of Object.keys(this.fm.data)) {
      if (!this.used.has(field)) this.problem(field, 'is not a field of this kind of entry (a typo?)');
    }
  }
}
