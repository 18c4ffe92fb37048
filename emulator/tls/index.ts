export { devTlsDir, ensureDevTls, loadDevTls, type DevTls } from './devCa';
