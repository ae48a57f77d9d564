// The `dsls` settings as the server receives them. Pure (no `vscode` import) so the mapping from
// what the user configured to `initializationOptions` is unit-tested.

export type TraceLevel = 'off' | 'messages' | 'verbose';

/** What the server reads under `settings.dsls`; `java.home` stays on the client. */
export interface ServerSettings {
  inventory: string[];
  checks: { disabled: string[] };
  trace: { server: TraceLevel };
  /** The cluster's Kubernetes minor ("1.31"); "" checks against .dsls/config.yaml's, else the newest. */
  kubernetesVersion: string;
  placement: { alone: boolean };
}

/** Reads one setting of section `dsls` by its key below the section, e.g. "checks.disabled". */
export type SettingReader = (key: string) => unknown;

function stringArray(value: unknown): string[] {
  if (!Array.isArray(value)) {
    // A hand-edited settings.json may hold a single string; treat it as a one-element list
    // rather than dropping the user's inventory.
    return typeof value === 'string' && value.trim() ? [value.trim()] : [];
  }
  return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}

function traceLevel(value: unknown): TraceLevel {
  return value === 'messages' || value === 'verbose' ? value : 'off';
}

export function readServerSettings(get: SettingReader): ServerSettings {
  return {
    inventory: stringArray(get('inventory')),
    checks: { disabled: stringArray(get('checks.disabled')) },
    trace: { server: traceLevel(get('trace.server')) },
    kubernetesVersion: typeof get('kubernetesVersion') === 'string' ? (get('kubernetesVersion') as string).trim() : '',
    placement: { alone: get('placement.alone') === true },
  };
}

/** The contract's shape for both `initializationOptions` and `workspace/didChangeConfiguration`. */
export function settingsPayload(settings: ServerSettings): { settings: { dsls: ServerSettings } } {
  return { settings: { dsls: settings } };
}
