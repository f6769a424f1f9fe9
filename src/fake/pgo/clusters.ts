// The fake apiserver's cluster handlers: POST /clusters, /showclusters, /clustersdelete, /clustersupdate,
// following apiserver/clusterservice (v4.3.0) check for check and message for message.
import type { FakeResponse } from '../kit.js';
import type { PgoWorld, Route, RouteContext } from './routes.js';
import { goDecode } from './decode.js';
import { restorePods, setCondition } from './lifecycle.js';
import { shutdownMessage, type FakePgCluster } from './model.js';
import { CPU_REQUEST_ERROR, MEMORY_REQUEST_ERROR, PVC_SIZE_ERROR, STATE, VERSION_MISMATCH_MSG, defaultImageTag, dns1035Error, quantityError } from './spec.js';

const CREATE = {
  Name: 'string', Namespace: 'string', ClientVersion: 'string', ReplicaCount: 'int', CCPImageTag: 'string',
  CPURequest: 'string', MemoryRequest: 'string', PVCSize: 'string', BackrestPVCSize: 'string', WALPVCSize: 'string',
  Username: 'string', Password: 'string', PasswordLength: 'int', Database: 'string', ShowSystemAccounts: 'bool',
  AutofailFlag: 'bool', PgbouncerFlag: 'bool', ServiceType: 'string', SyncReplication: 'bool|null',
} as const;
const SHOW = { clustername: 'string', selector: 'string', ccpimagetag: 'string', clientversion: 'string', namespace: 'string', allflag: 'bool' } as const;
const DELETE = { Clustername: 'string', Selector: 'string', ClientVersion: 'string', Namespace: 'string', AllFlag: 'bool', DeleteBackups: 'bool', DeleteData: 'bool' } as const;
const UPDATE = {
  Clustername: 'string[]', Selector: 'string', ClientVersion: 'string', Namespace: 'string', AllFlag: 'bool', Autofail: 'int',
  CPURequest: 'string', MemoryRequest: 'string', Startup: 'bool', Shutdown: 'bool',
} as const;

const PASSWORD_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789$+/!#%*=?_.';

export function clusterRoutes(fake: PgoWorld): Route[] {
  const createFail = (msg: string) => fake.json({ result: { Database: '', Name: '', Users: null, WorkflowID: '' }, status: { Code: 'error', Msg: msg } });
  const listFail = (msg: string) => fake.json({ Results: [], Code: 'error', Msg: msg });
  const inNamespace = (ns: string) => [...fake.clusters.values()].filter((c) => c.namespace === ns);
  const password = (length: number) =>
    Array.from({ length: length > 0 ? length : 24 }, () => PASSWORD_CHARS[Math.floor(fake.rand() * PASSWORD_CHARS.length)]).join('');

  /** Label selectors as the fake supports them: comma-separated key=value equalities. */
  const select = (clusters: FakePgCluster[], selector: string) =>
    clusters.filter((c) =>
      selector.split(',').every((term) => {
        const [k, v] = term.split('=').map((s) => s.trim());
        return (k === 'name' || k === 'pg-cluster') && v === c.name;
      }),
    );

  function create({ user, body }: RouteContext): FakeResponse {
    const r = goDecode(body, CREATE);
    if (r.ClientVersion !== fake.serverVersion) return createFail(VERSION_MISMATCH_MSG);
    const nsErr = fake.namespaceError(r.Namespace);
    if (nsErr) return createFail(nsErr);
    if (r.ShowSystemAccounts && !fake.allowed(user, 'ShowSystemAccounts')) return fake.forbidden();
    if (r.Name === 'all') return createFail("invalid cluster name 'all' is not allowed as a cluster name");
    if (r.ReplicaCount < 0) return createFail('invalid replica-count , should be greater than or equal to 0');
    const dnsErr = dns1035Error(r.Name);
    if (dnsErr) return createFail(`invalid cluster name format ${dnsErr}`);
    if (fake.cluster(r.Name, r.Namespace)) return createFail(`pgcluster ${r.Name} was found so we will not create it`);
    for (const size of [r.PVCSize, r.BackrestPVCSize, r.WALPVCSize]) {
      const err = quantityError(size);
      if (err) return createFail(PVC_SIZE_ERROR(size, err));
    }
    const cpuErr = quantityError(r.CPURequest);
    if (cpuErr) return createFail(CPU_REQUEST_ERROR(r.CPURequest, cpuErr));
    const memErr = quantityError(r.MemoryRequest);
    if (memErr) return createFail(MEMORY_REQUEST_ERROR(r.MemoryRequest, memErr));
    if (r.ServiceType !== '' && !['ClusterIP', 'LoadBalancer', 'NodePort'].includes(r.ServiceType)) {
      return createFail('error ServiceType should be either ClusterIP or LoadBalancer ');
    }
    const username = r.Username || 'testuser';
    const c = fake.addCluster({
      name: r.Name,
      namespace: r.Namespace,
      condition: 'created',
      replicas: r.ReplicaCount === 0 ? 1 : r.ReplicaCount, // 0 → pgo.yaml default (1 here)
      imageTag: r.CCPImageTag || defaultImageTag(fake.serverVersion),
      cpu: r.CPURequest,
      memory: r.MemoryRequest || '128Mi',
      pvcSize: r.PVCSize || '1G',
      user: username,
      database: r.Database || r.Name,
      serviceType: (r.ServiceType || 'ClusterIP') as FakePgCluster['serviceType'],
      pgbouncer: r.PgbouncerFlag,
      autofail: r.AutofailFlag,
      sync: r.SyncReplication ?? fake.syncReplicationDefault,
      pgouser: user,
    });
    const users = [{ Password: r.Password || password(r.PasswordLength), Username: username }];
    if (r.ShowSystemAccounts) users.push({ Password: password(r.PasswordLength), Username: 'postgres' }, { Password: password(r.PasswordLength), Username: 'primaryuser' });
    fake.provisionedLogin({ user: username, password: users[0]!.Password, database: c.database });
    const t = fake.transitionMs;
    fake.schedule(c, [
      { at: t / 3, apply: () => setCondition(c, 'processed') },
      { at: t, apply: () => setCondition(c, 'degraded') },
      // Replicas become Ready a little after the primary: a visible degraded → ready step.
      { at: t * 1.5, apply: () => setCondition(c, 'ready') },
    ]);
    return fake.json({ result: { Database: c.database, Name: c.name, Users: users, WorkflowID: c.workflowId }, status: { Code: 'ok', Msg: '' } });
  }

  function show({ body }: RouteContext): FakeResponse {
    const r = goDecode(body, SHOW);
    if (r.clientversion !== fake.serverVersion) return listFail(VERSION_MISMATCH_MSG);
    const nsErr = fake.namespaceError(r.namespace);
    if (nsErr) return listFail(nsErr);
    let found: FakePgCluster[];
    if (r.selector !== '') found = select(inNamespace(r.namespace), r.selector);
    else if (r.allflag) found = inNamespace(r.namespace);
    else found = inNamespace(r.namespace).filter((c) => c.name === r.clustername);
    if (r.ccpimagetag !== '') found = found.filter((c) => c.imageTag === r.ccpimagetag);
    return fake.json({ Results: found.map((c) => fake.show(c)), Code: 'ok', Msg: '' });
  }

  function remove({ body }: RouteContext): FakeResponse {
    const r = goDecode(body, DELETE);
    if (r.ClientVersion !== fake.serverVersion) return listFail(VERSION_MISMATCH_MSG);
    const nsErr = fake.namespaceError(r.Namespace);
    if (nsErr) return listFail(nsErr);
    let found: FakePgCluster[];
    if (r.Selector !== '') found = select(inNamespace(r.Namespace), r.Selector);
    else if (r.Clustername === 'all') found = inNamespace(r.Namespace);
    else found = inNamespace(r.Namespace).filter((c) => c.name === r.Clustername);
    if (found.length === 0) return listFail('no clusters found');
    for (const c of found) fake.removeLater(c, fake.transitionMs / 2);
    return fake.json({ Results: found.map((c) => `deleted pgcluster ${c.name}`), Code: 'ok', Msg: '' });
  }

  function update({ body }: RouteContext): FakeResponse {
    const r = goDecode(body, UPDATE);
    if (r.ClientVersion !== fake.serverVersion) return listFail(VERSION_MISMATCH_MSG);
    const nsErr = fake.namespaceError(r.Namespace);
    if (nsErr) return listFail(nsErr);
    if (r.Startup && r.Shutdown) return listFail('A startup and a shutdown were requested. Please specify one or the other.');
    const cpuErr = quantityError(r.CPURequest);
    if (cpuErr) return listFail(CPU_REQUEST_ERROR(r.CPURequest, cpuErr));
    const memErr = quantityError(r.MemoryRequest);
    if (memErr) return listFail(MEMORY_REQUEST_ERROR(r.MemoryRequest, memErr));
    let found: FakePgCluster[] = [];
    if (r.AllFlag) found = inNamespace(r.Namespace);
    else if (r.Selector !== '') found = select(inNamespace(r.Namespace), r.Selector);
    else {
      for (const name of r.Clustername ?? []) {
        const c = fake.cluster(name, r.Namespace);
        if (!c) return listFail(`pgclusters.crunchydata.com "${name}" not found`);
        found.push(c);
      }
    }
    if (found.length === 0) return listFail('no clusters found');
    for (const c of found) applyUpdate(c, r);
    return fake.json({ Results: found.map((c) => `updated pgcluster ${c.name}`), Code: 'ok', Msg: '' });
  }

  function applyUpdate(c: FakePgCluster, r: ReturnType<typeof goDecode<typeof UPDATE>>): void {
    if (r.Autofail === 1) c.autofail = true;
    if (r.Autofail === 2) c.autofail = false;
    const t = fake.transitionMs;
    const resized = (r.CPURequest !== '' && r.CPURequest !== c.cpu) || (r.MemoryRequest !== '' && r.MemoryRequest !== c.memory);
    if (r.CPURequest) c.cpu = r.CPURequest;
    if (r.MemoryRequest) c.memory = r.MemoryRequest;
    c.resourceVersion++;
    if (r.Shutdown && c.state !== STATE.shutdown) {
      setCondition(c, 'shutting-down');
      fake.schedule(c, [{ at: t / 3, apply: () => setCondition(c, 'shutdown') }]);
    } else if (r.Startup && c.shutdown) {
      c.shutdown = false;
      c.gen++;
      fake.schedule(c, [
        {
          at: t / 3,
          apply: () => {
            restorePods(c, fake.rand);
            setCondition(c, 'degraded');
          },
        },
        { at: t * 0.6, apply: () => setCondition(c, 'ready') },
      ]);
    } else if (resized && c.state === STATE.initialized && !c.shutdown) {
      // New resource requests roll the deployments: pods restart and are briefly not Ready.
      setCondition(c, 'degraded');
      for (const p of c.pods) p.ready = false;
      fake.schedule(c, [{ at: t / 3, apply: () => setCondition(c, 'ready') }]);
    }
    if (c.state === STATE.shutdown && c.shutdown) c.message = shutdownMessage(c);
  }

  return [
    { path: /^\/clusters$/, method: 'POST', perm: 'CreateCluster', run: create },
    { path: /^\/showclusters$/, method: 'POST', perm: 'ShowCluster', run: show },
    { path: /^\/clustersdelete$/, method: 'POST', perm: 'DeleteCluster', run: remove },
    { path: /^\/clustersupdate$/, method: 'POST', perm: 'UpdateCluster', run: update },
  ];
}
