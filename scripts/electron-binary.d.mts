export interface InstalledElectron {
  readonly dir?: string;
  readonly version?: string;
  readonly binary?: string;
}
export type ElectronForStart =
  | { readonly binary: string; readonly why?: undefined }
  | { readonly why: string; readonly binary?: undefined };
export function findElectron(fromUrl: string): InstalledElectron;
export function installElectron(dir: string): string | undefined;
export function failedFetchFile(root: string): string;
export function rememberedFailure(
  root: string,
  version: string | undefined,
): { version: string; reason: string; at: string } | undefined;
export function rememberFailure(root: string, version: string | undefined, reason: string): void;
export function forgetFailure(root: string): void;
export function resolveElectronForStart(options: {
  root: string;
  electron: InstalledElectron;
  install?: (dir: string) => string | undefined;
}): ElectronForStart;
