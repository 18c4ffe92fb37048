import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  GATEWAY_PERMISSIONS,
  type GatewayName,
} from '../../../../services/adapters/graph/gatewayPermissions';
import { PERMISSIONS, type PermissionName } from '../../../../services/adapters/graph/permissions';
import { permissionRows, readmeRows } from '../../../../scripts/permissionsTable';
import { emulatorRoutes } from '../../../support/emulatorRoutes';
import { recordingFactory, type RecordedCall } from '../../../support/graphCallRecorder';
import { PROBES } from './gatewayProbes';

const routes = emulatorRoutes();

/** Runs one gateway method over the recording client; what it does with the empty answers is not the point. */
async function callsOf(gateway: GatewayName, method: string): Promise<RecordedCall[]> {
  const { factory, calls } = recordingFactory();
  const target = PROBES[gateway].make(factory) as Record<string, (...a: unknown[]) => unknown>;
  const result = target[method]!(...PROBES[gateway].args[method]!);
  // A method that pages lazily (an async iterable) makes its calls as it is read.
  const drain = async (pages: AsyncIterable<unknown>) => {
    for await (const _ of pages);
  };
  const done =
    result && typeof result === 'object' && Symbol.asyncIterator in result
      ? drain(result as AsyncIterable<unknown>)
      : (result as Promise<unknown>);
  await done.catch(() => undefined);
  return calls;
}

/** The kind of session a permission is used from. */
const sessionOf = (name: PermissionName): RecordedCall['as'] =>
  PERMISSIONS[name].api === 'Office 365 Exchange Online'
    ? 'exchange'
    : PERMISSIONS[name].type === 'Delegated'
      ? 'user'
      : 'app';

describe('Graph and Exchange permissions', () => {
  for (const [gateway, methods] of Object.entries(GATEWAY_PERMISSIONS) as [GatewayName, object][]) {
    for (const [method, declared] of Object.entries(methods) as [string, { needs: PermissionName[] }][]) {
      it(`${gateway}.${method}: its calls are allowed by what it declares, and it declares nothing it does not call`, async () => {
        const calls = await callsOf(gateway, method);
        assert.ok(calls.length > 0, 'the method made no call');
        const sessions = new Set(calls.map((c) => c.as));
        assert.deepEqual(new Set(declared.needs.map(sessionOf)), sessions, JSON.stringify(calls));
        for (const call of calls.filter((c) => c.as !== 'exchange')) {
          const accepted = routes(call.method as never, call.path);
          assert.ok(accepted, `Graph has no ${call.method} ${call.path}`);
          const list = (call.as === 'user' ? accepted.delegated : accepted.application) ?? [];
          const mine = declared.needs.filter((n) => sessionOf(n) === call.as);
          assert.ok(
            mine.some((n) => list.includes(n)),
            `${call.method} ${call.path} (${call.as}) needs one of ${list.join(', ') || 'nothing this session can hold'}; declared ${mine.join(', ')}`,
          );
        }
      });
    }
  }

  it('asks for every permission some gateway call needs, and for no other', () => {
    const used = new Set(
      Object.values(GATEWAY_PERMISSIONS).flatMap((m) => Object.values(m).flatMap((x) => x.needs)),
    );
    assert.deepEqual([...used].sort(), Object.keys(PERMISSIONS).sort());
  });

  it('has a probe for every gateway method and no other (the ports type the declarations)', () => {
    for (const gateway of Object.keys(GATEWAY_PERMISSIONS) as GatewayName[])
      assert.deepEqual(
        Object.keys(PROBES[gateway].args).sort(),
        Object.keys(GATEWAY_PERMISSIONS[gateway]).sort(),
        gateway,
      );
  });

  it('the Entra app manifest (infra/entra/aad.manifest.json) requests exactly these', () => {
    const manifest = JSON.parse(
      readFileSync(join(__dirname, '../../../../infra/entra/aad.manifest.json'), 'utf8'),
    ) as {
      requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
    };
    // Microsoft Graph's permissions by name (the Agents Toolkit resolves them); Exchange's by id.
    const EXCHANGE = {
      app: '00000002-0000-0ff1-ce00-000000000000',
      'dc50a0fb-09a3-484d-be87-e023b12c6440': 'Exchange.ManageAsApp',
    };
    const asked = manifest.requiredResourceAccess.flatMap((r) =>
      r.resourceAccess.map((a) => {
        const name = r.resourceAppId === EXCHANGE.app ? EXCHANGE[a.id as keyof typeof EXCHANGE] : a.id;
        return `${name} ${a.type === 'Scope' ? 'Delegated' : 'Application'}`;
      }),
    );
    const declared = Object.entries(PERMISSIONS).map(([name, p]) => `${name} ${p.type}`);
    assert.deepEqual(asked.sort(), declared.sort());
  });

  it("the README's table is the one generated from the declarations (npm run docs:permissions)", () => {
    const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
    assert.deepEqual(readmeRows(readme), permissionRows());
  });
});
