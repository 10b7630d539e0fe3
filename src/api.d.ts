/** A parameter id: a lever, an assumption or a setting. */
export type ParameterId =
  | "permitBan.china" | "permitBan.russia" | "permitBan.other"
  | "repatriation.china" | "repatriation.russia" | "repatriation.other"
  | "visaEnforcement.china" | "visaEnforcement.russia" | "visaEnforcement.other"
  | "designationCooperation.china" | "designationCooperation.russia" | "designationCooperation.other"
  | "visaClarification" | "designationsPerYear"
  | "baseWorkers.china" | "baseWorkers.russia" | "baseWorkers.other"
  | "wage.china" | "wage.russia" | "wage.other"
  | "monthsWorked" | "stateTakeShare" | "rotationRate"
  | "loopholeShare.china" | "loopholeShare.russia" | "loopholeShare.other"
  | "clarificationAdoption.china" | "clarificationAdoption.russia" | "clarificationAdoption.other"
  | "demand.china" | "demand.russia" | "demand.other"
  | "workersPerDesignation" | "estimateRevenueUsd"
  | "anchorToEstimate" | "baseYear" | "endYear" | "borderOpen";

/** The ids that take a schedule as well as a number: every lever, the wages and a few other assumptions. */
export type ScheduledId =
  | "permitBan.china" | "permitBan.russia" | "permitBan.other"
  | "repatriation.china" | "repatriation.russia" | "repatriation.other"
  | "visaEnforcement.china" | "visaEnforcement.russia" | "visaEnforcement.other"
  | "designationCooperation.china" | "designationCooperation.russia" | "designationCooperation.other"
  | "visaClarification" | "designationsPerYear"
  | "wage.china" | "wage.russia" | "wage.other"
  | "loopholeShare.china" | "loopholeShare.russia" | "loopholeShare.other"
  | "clarificationAdoption.china" | "clarificationAdoption.russia" | "clarificationAdoption.other"
  | "demand.china" | "demand.russia" | "demand.other"
  | "borderOpen";

/** A host id. */
export type HostId = "china" | "russia" | "other";

/** A preset id. */
export type PresetId =
  | "record" | "noEnforcement" | "statusQuo" | "closeVisaLoophole" | "designationSurge"
  | "russiaReturnsToCompliance" | "fullCompliance" | "loopholeClosed2020";

/** A unit id; `limits().units` gives the words for each. */
export type UnitId =
  | "share" | "sharePerYear" | "entitiesPerYear" | "workers" | "usdPerMonth" | "usdPerYear"
  | "monthsPerYear" | "multiple" | "year" | "switch";

/**
 * Steps by year: each `[year, value]` holds from its year until the next step; before the
 * first step the parameter's default holds. Years 1900 to 2100, strictly increasing, at most
 * 64 steps. In links: `2018:0.3,2020:0`.
 */
export type Schedule = [year: number, value: number][];

/** One parameter's value: the same every year, or a schedule (where `scheduled`). */
export type Value = number | Schedule;

/** A scenario: parameter ids mapped to values; omitted ids take their defaults. */
export type Scenario = { [K in ScheduledId]?: Value } & { [K in Exclude<ParameterId, ScheduledId>]?: number };

/** A host; `phrase` is its name inside a sentence ("other hosts"). */
export interface Host { id: HostId; label: string; phrase: string; }

/** One step of a record path or of a preset, with the source behind it. */
export interface Step {
  year: number;
  value: number;
  /** Plausible range in these years (assumptions only). */
  low: number | null;
  high: number | null;
  /** Id of a `sources()` entry. */
  source: string;
  note: string;
}

export interface Parameter {
  id: ParameterId;
  label: string;
  description: string;
  kind: "lever" | "assumption" | "setting";
  host: HostId | null;
  unit: UnitId;
  /** The unit in words, e.g. "share per year (0 to 1)". */
  unitLabel: string;
  min: number;
  max: number;
  step: number;
  /** The constant default: the value before the first step of `path`, and in model 1. */
  default: number;
  /** Low end of the plausible range of a value the reader sets; assumptions only. */
  low: number | null;
  /** High end of that range. */
  high: number | null;
  integer: boolean;
  /** Whether the value may change by year. */
  scheduled: boolean;
  /** The default's steps from the public record; empty for a constant default. */
  path: Step[];
  /** Ids of `sources()` entries. */
  sources: string[];
  /** For a lever, which workers it reaches, in one line; "" otherwise. */
  reaches: string;
}

export interface Source {
  id: string;
  title: string;
  publisher: string;
  /** ISO 8601 date, or a year or range of years. */
  date: string;
  url: string | null;
  /** UN document symbol or similar. */
  document: string | null;
  /** When the address or document was last read for this project (ISO 8601). Every source
   *  has a `url` or a `document`, or both. */
  accessed: string;
  reliability: "A" | "B" | "C";
  /** Row of the project's research table (0 = the seed article). */
  row: number;
  note: string;
}

export interface Preset {
  id: PresetId;
  label: string;
  description: string;
  /** The preset this one builds on (its values hold before this one's steps), if any. */
  base: PresetId | null;
  /** The year this preset's own policies start, for one built on another; else null. */
  policyYear: number | null;
  /** Every value the preset sets, its base merged in: every lever. */
  values: Scenario;
  /** The steps of each value set by steps, with their sources. */
  steps: { [K in ScheduledId]?: Step[] };
}

export interface Limits {
  maxHorizonYears: number;
  maxDraws: number;
  maxSeed: number;
  /** Earliest and latest year a schedule step may name. */
  minYear: number;
  maxYear: number;
  maxSteps: number;
  /** The last year the record covers (the current course holds after it). */
  recordEnd: number;
  /** The year the "from 2027" presets start, and the page's default policy year. */
  policyYear: number;
  /** The largest `targetRevenueUsd` a goal seek accepts. */
  maxTargetUsd: number;
  /** The outputs a tornado measures, in order. */
  outputs: OutputId[];
  units: { id: UnitId; label: string }[];
}

export interface HostSeries {
  id: HostId;
  label: string;
  /** Workers on work authorizations at the start of each year. */
  permitted: number[];
  /** Workers on tourist, student or other non-work visas at the start of each year. */
  disguised: number[];
  workers: number[];
  /** Workers entering the host during each year: new permits plus loophole refills. */
  arrivals: number[];
  /** Revenue to the state, USD per year. */
  revenueUsd: number[];
  /** Revenue to the state per worker-year in each year, USD: the year's wage times the months
   *  worked, the state's share and the calibration scale. */
  perWorkerUsd: number[];
}

export interface Projection {
  years: number[];
  /** All workers abroad at the start of each year. */
  workers: number[];
  permitted: number[];
  disguised: number[];
  /** Workers entering a host during each year, all hosts. */
  arrivals: number[];
  /** Revenue to the state, USD per year. */
  revenueUsd: number[];
  /** The same assumptions and settings with every lever at 0 in every year. */
  comparator: {
    workers: number[];
    arrivals: number[];
    revenueUsd: number[];
    hosts: { id: HostId; workers: number[]; arrivals: number[]; revenueUsd: number[] }[];
  };
  hosts: HostSeries[];
  summary: {
    finalYearRevenueUsd: number;
    cumulativeRevenueUsd: number;
    cumulativeDeniedUsd: number;
    /** Denied revenue as a share (0 to 1) of the comparator's cumulative revenue. */
    deniedShare: number;
    baseYearWorkers: number;
    finalYearWorkers: number;
  };
  calibration: {
    /** Base-year revenue from reported wages, USD. */
    bottomUpRevenueUsd: number;
    estimateRevenueUsd: number;
    /** Factor applied to revenue per worker; 1 when not anchored. */
    scale: number;
    anchored: boolean;
    /** Revenue to the state per worker-year in each host in the base year, USD, scale
     *  included; `hosts[].perWorkerUsd` gives it year by year. */
    perWorkerUsd: number[];
  };
}

export interface Version {
  crateVersion: string;
  modelVersion: string;
  /** The day the model version was released, "YYYY-MM-DD". */
  modelDate: string;
}

/** In every options object, an option set to `undefined` counts as not given. */
export interface UncertaintyOptions {
  /** Monte Carlo draws, 1 to 100,000; default 2,000. */
  draws?: number;
  /** Seed, a whole number from 0 to 2^53 - 1; default 1. The same seed gives the same bands. */
  seed?: number;
}

/** Percentiles 5, 25, 50, 75 and 95; for a yearly series, one array per percentile. */
export interface Percentiles<T = number> { p5: T; p25: T; p50: T; p75: T; p95: T; }

export interface Uncertainty {
  years: number[];
  draws: number;
  seed: number;
  revenueUsd: Percentiles<number[]>;
  workers: Percentiles<number[]>;
  cumulativeRevenueUsd: Percentiles;
  cumulativeDeniedUsd: Percentiles;
  /** Bands by host, in the order of `hosts()`. */
  hosts: { id: HostId; revenueUsd: Percentiles<number[]>; workers: Percentiles<number[]> }[];
  /** Ids of the assumptions drawn. */
  sampled: ParameterId[];
}

export type OutputId = "cumulativeRevenueUsd" | "cumulativeDeniedUsd" | "finalYearRevenueUsd";

export interface SensitivityOptions {
  output?: OutputId;
  /** A host, or "all" (the default). */
  host?: HostId | "all";
  /** First year counted; the base year by default. */
  from?: number;
}

export interface Sensitivity {
  output: OutputId;
  host: HostId | "all";
  from: number;
  /** The output with every assumption as set. */
  baseValue: number;
  /** Widest swing first. */
  bars: {
    id: ParameterId; label: string;
    /** The ends of the assumption's range (in the final year, for one that changes by year). */
    low: number; high: number;
    outputAtLow: number; outputAtHigh: number;
    swing: number;
    /** Whether the effect runs the other way than from the wages as reported, because
     *  revenue is anchored to the published estimate. */
    againstCalibration: boolean;
  }[];
}

export interface LeverEffectsOptions {
  /** A host, or "all" (the default). */
  host?: HostId | "all";
  /** First year of the window; the base year by default. */
  from?: number;
}

/** A parameter that closes a lever's channel, and what opening it would do. */
export interface Gate {
  id: ParameterId;
  /** Its value in the window's first year. */
  value: number;
  /** The value that opens it: its maximum. */
  open: number;
  /** The cut (0 to 1) with it open. */
  cutShare: number;
}

export interface LeverEffect {
  id: ParameterId;
  /** The cut (0 to 1) of the window's revenue with this lever alone at its maximum from the
   *  window's first year, against the scenario. */
  cutShare: number;
  /** Whether the lever is already at its maximum in every year of the window. */
  atMax: boolean;
  /** For a cut under 1%: the parameter that closes the lever's channel, if one does. */
  blockedBy: Gate | null;
}

export interface GoalSeekOptions {
  /** Levers moved together, each to the same share of its range; by default every lever that
   *  acts on the host (its own and every host's). Not with `lever`. */
  levers?: ParameterId[];
  /** One lever (the same as `levers: [lever]`). */
  lever?: ParameterId;
  /** Share (0 to 1) by which revenue over the window must fall below the comparator's. One
   *  target only: this, `targetDeniedShare` or `targetRevenueUsd`. */
  targetShare?: number;
  /** The same as `targetShare` (its name in model 1). */
  targetDeniedShare?: number;
  /** Revenue in the window's last year must be at most this, USD. */
  targetRevenueUsd?: number;
  /** Whose revenue: a host, or "all" (the default). */
  host?: HostId | "all";
  /** First year of the window, within the scenario's years; the levers change from then on.
   *  The base year by default. */
  from?: number;
  /** The preset compared against, over the scenario's assumptions; "noEnforcement" by default. */
  comparator?: PresetId;
}

export interface GoalSeek {
  levers: ParameterId[];
  host: HostId | "all";
  from: number;
  /** Last year of the window: the scenario's end year. */
  to: number;
  comparator: PresetId;
  targetShare: number | null;
  targetRevenueUsd: number | null;
  /** The comparator's revenue over the window, USD. */
  comparatorRevenueUsd: number;
  reachable: boolean;
  /** Smallest share (0 to 1) of the levers' ranges found that reaches the target; null when unreachable. */
  setting: number | null;
  /** Each lever's value at that setting; empty when unreachable. */
  values: { id: ParameterId; value: number }[];
  /** The cut over the window at `setting`, or at the maximum when unreachable. */
  achievedShare: number;
  /** Revenue in the window's last year at `setting`, or at the maximum when unreachable, USD. */
  finalYearRevenueUsd: number;
  /** The cut with every lever at its maximum. */
  shareAtMax: number;
  finalYearRevenueAtMaxUsd: number;
  /** When unreachable: the parameters that bind, each of which opened alone (with the levers
   *  at their maximum) reaches the target, or the one that comes closest. */
  binds: Gate[];
  tolerance: number;
  evaluations: number;
  /** Whether the answer never moved away from the target as the setting rose, on 41 evenly spaced settings. */
  monotoneOnGrid: boolean;
  /** One sentence for the reader. */
  note: string;
}

export interface Observation {
  id: string;
  /** "<all or host>.<workers | permitted | disguised | arrivals | departures | revenueUsd>". */
  series: string;
  /** A stock is counted on a date; a flow is a total over a period. */
  measurement: "stock" | "flow";
  /** A stock's date, or the first month of a flow ("2024-10"). */
  from: string;
  /** The month after a flow's period; a stock's date again. */
  to: string;
  value: number;
  low: number;
  /** Null where the source gives only a floor. */
  high: number | null;
  /** Id of a `sources()` entry. */
  source: string;
  counted: string;
  /** Whether a value of the record was derived from this figure. */
  derived: boolean;
  note: string;
}

export interface BacktestRow {
  observation: Observation;
  modelled: number | null;
  gap: number | null;
  inRange: boolean | null;
  /** 5-95% band of the modelled value over the uncertain assumptions. */
  band: { p5: number; p95: number } | null;
  inBand: boolean | null;
}
