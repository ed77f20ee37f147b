import type { Day } from '../time/day.ts';

/** One condition of a decision as staff see it: which requirement, whether it held, why, and the legal source. */
export type Reason = {
  code: string;
  held: boolean;
  message: string;
  source: string;
  /** True for explanatory lines (amount used, priority) that do not decide eligibility. */
  info?: boolean;
};

/** A benefit decision on a date: eligibility, the monthly amount in fen (null when none applies), and the reasons. */
export type Decision = {
  program: string;
  day: Day;
  eligible: boolean;
  monthlyAmount: number | null;
  reasons: Reason[];
  /** Priority group (homeModification: severe disability in hardship). */
  priority?: boolean;
};

/** A requirement evaluated on facts; children keep the alternatives of anyOf/allOf for the trace. */
export type Condition = Reason & { children?: Condition[] };

/** A leaf condition: `messages` are [when it holds, when it fails]. */
export function check(code: string, held: boolean, messages: readonly [string, string], source: string): Condition {
  return { code, held, message: held ? messages[0] : messages[1], source };
}

/**
 * A leaf condition whose message never varies (e.g. "在世"): build it once at module load and return the same frozen
 * object for every person. Decisions list it as a reason as is (see `decide`): a million persons then share it
 * instead of allocating one copy each.
 */
export function fixed(code: string, held: boolean, message: string, source: string): Condition {
  return Object.freeze({ code, held, message, source });
}

/** Holds when every child holds; the message names the first that failed. */
export function allOf(code: string, source: string, children: Condition[], messages: readonly [string, string]): Condition {
  const failed = children.find((c) => !c.held);
  const held = failed === undefined;
  return { code, held, source, children, message: held ? messages[0] : `${messages[1]}：${failed.message}` };
}

/** Holds when any child holds; the message names the first that held, or every alternative that failed. */
export function anyOf(code: string, source: string, children: Condition[], messages: readonly [string, string]): Condition {
  const first = children.find((c) => c.held);
  const message = first ? `${messages[0]}：${first.message}` : `${messages[1]}：${children.map((c) => c.message).join('；')}`;
  return { code, held: first !== undefined, source, children, message };
}

/** Holds when the child does not: `messages` are [when the child fails, when it holds]. */
export function not(code: string, child: Condition, messages: readonly [string, string]): Condition {
  return { code, held: !child.held, source: child.source, children: [child], message: child.held ? messages[1] : messages[0] };
}

/** An explanatory line that never decides eligibility. */
export function info(code: string, held: boolean, message: string, source: string): Reason {
  return { code, held, message, source, info: true };
}

/** Builds a decision: eligible when every condition holds; the amount applies only then. */
export function decide(
  program: string,
  day: Day,
  conditions: readonly Condition[],
  amount: { fen: number | null; reason?: Reason } = { fen: null },
): Decision {
  const eligible = conditions.every((c) => c.held);
  // A leaf (from `check` or `fixed`) already has exactly the reason's fields in the same order: list it as is;
  // composite conditions (allOf/anyOf/not) are copied without their children.
  const reasons: Reason[] = conditions.map((c) =>
    c.children === undefined ? c : { code: c.code, held: c.held, message: c.message, source: c.source },
  );
  if (eligible && amount.reason) reasons.push(amount.reason);
  return { program, day, eligible, monthlyAmount: eligible ? amount.fen : null, reasons };
}

/** The codes of the conditions that failed (what cases and gap lists compare). */
export function failedCodes(d: Decision): string[] {
  return d.reasons.filter((r) => !r.held && !r.info).map((r) => r.code);
}

/** A dated version of a rule's logic (OpenFisca's formula_YYYY_MM); the latest with from <= day applies. */
export type RuleVersion<A extends unknown[]> = { from: Day; evaluate: (day: Day, ...args: A) => Condition };

/** Picks the logic version in force on `day`; before the first, the first one answers (the default). */
export function byDate<A extends unknown[]>(versions: readonly RuleVersion<A>[]): (day: Day, ...args: A) => Condition {
  const sorted = [...versions].sort((a, b) => (a.from < b.from ? -1 : 1));
  return (day, ...args) => {
    let chosen = sorted[0] as RuleVersion<A>;
    for (const v of sorted) if (v.from <= day) chosen = v;
    return chosen.evaluate(day, ...args);
  };
}
