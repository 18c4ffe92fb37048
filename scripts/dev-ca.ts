import { devTlsDir, ensureDevTls } from '../emulator/tls/devCa';

// Run by `npm test` (pretest) and `npm start` (prestart): creates the local CA and localhost certificate once.
const dir = devTlsDir(process.cwd());
const created = ensureDevTls(dir);
console.log(
  created ? `dev TLS: created a throwaway CA and localhost certificate in ${dir}` : `dev TLS: using ${dir}`,
);
