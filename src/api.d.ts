/** A parameter id: a lever, an assumption or a setting. */
export type ParameterId =
  | "permitBan.china" | "permitBan.russia" | "permitBan.other"
  | "repatriation.china" | "repatriation.russia" | "repatriation.other"
  | "visaClarification" | "designationsPerYear"
  | "baseWorkers.china" | "baseWorkers.russia" | "baseWorkers.other"
  | "wage.china" | "wage.russia" | "wage.other"
  | "monthsWorked" | "stateTakeShare" | "rotationRate"
  | "loopholeShare.china" | "loopholeShare.russia" | "loopholeShare.other"
  | "clarificationAdoption.china" | "clarificationAdoption.russia" | "clarificationAdoption.other"
  | "designationCooperation.china" | "designationCooperation.russia" | "designationCooperation.other"
  | "workersPerDesignation" | "estimateRevenueUsd"
  | "anchorToEstimate" | "baseYear" | "endYear";

/** A host id. */
export type HostId = "china" | "russia" | "other";

/** A scenario: parameter ids mapped to values; omitted ids take their defaults. */
export type Scenario = { [K in ParameterId]?: number };

export interface Host { id: HostId; label: string; }

export interface Parameter {
  id: ParameterId;
  label: string;
  description: string;
  kind: "lever" | "assumption" | "setting";
  host: HostId | null;
  unit: string;
  min: number;
  max: number;
  step: number;
  default: number;
  /** Low end of the plausible range; assumptions only. */
  low: number | null;
  /** High end of the plausible range; assumptions only. */
  high: number | null;
  integer: boolean;
  /** Ids of `sources()` entries. */
  sources: string[];
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
  reliability: "A" | "B" | "C";
  /** Row of the project's research table (0 = the seed article). */
  row: number;
  note: string;
}

export interface Preset {
  id: "noEnforcement" | "statusQuo" | "closeVisaLoophole" | "designationSurge" | "fullCompliance";
  label: string;
  description: string;
  /** Every lever's value. */
  values: Scenario;
}

export interface HostSeries {
  id: HostId;
  label: string;
  /** Workers on work authorizations at the start of each year. */
  permitted: number[];
  /** Workers on tourist, student or other non-work visas at the start of each year. */
  disguised: number[];
  workers: number[];
  /** Revenue to the state, USD per year. */
  revenueUsd: number[];
}

export interface Projection {
  years: number[];
  /** All workers abroad at the start of each year. */
  workers: number[];
  permitted: number[];
  disguised: number[];
  /** Revenue to the state, USD per year. */
  revenueUsd: number[];
  /** The same assumptions with every lever at 0. */
  comparator: { workers: number[]; revenueUsd: number[] };
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
  };
}

export interface Version { crateVersion: string; modelVersion: string; }

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
  /** Ids of the assumptions drawn. */
  sampled: ParameterId[];
}

export type OutputId = "cumulativeRevenueUsd" | "cumulativeDeniedUsd" | "finalYearRevenueUsd";

export interface SensitivityOptions { output?: OutputId; }

export interface Sensitivity {
  output: OutputId;
  /** The output with every assumption as set. */
  baseValue: number;
  /** Widest swing first. */
  bars: {
    id: ParameterId; label: string;
    low: number; high: number;
    outputAtLow: number; outputAtHigh: number;
    swing: number;
  }[];
}

export interface GoalSeekOptions {
  lever: ParameterId;
  /** Share (0 to 1) of the comparator's cumulative revenue to deny. */
  targetDeniedShare: number;
}

export interface GoalSeek {
  lever: ParameterId;
  targetDeniedShare: number;
  reachable: boolean;
  /** Smallest lever value found that reaches the target; null when unreachable. */
  value: number | null;
  achievedDeniedShare: number;
  deniedShareAtMax: number;
  tolerance: number;
  evaluations: number;
  /** Whether the denied share never fell as the lever rose, on 41 evenly spaced values. */
  monotoneOnGrid: boolean;
  note: string;
}

export interface Observation {
  id: string;
  /** "all.workers", "all.revenueUsd", or "<host>.permitted" | ".disguised" | ".workers". */
  series: string;
  year: number;
  /** Start or end of the year for a stock; "year" for revenue over the year. */
  at: "start" | "end" | "year";
  value: number;
  low: number;
  high: number;
  /** Id of a `sources()` entry. */
  source: string;
  counted: string;
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
