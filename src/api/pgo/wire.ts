// The pgo-apiserver 4.3 wire format (apiservermsgs + the pgcluster CR), as far as pgtui reads or sends it.
// Key names and casing are exact: Go json tags are lower-case on ShowClusterRequest, PascalCase elsewhere,
// and a few pgcluster spec keys are capitalised because their tags are malformed upstream.

export interface PgoStatus {
  Code: string; // "ok" | "error"
  Msg: string;
}

export interface VersionResponse extends PgoStatus {
  Version: string;
}

export interface PgStorageSpec {
  name: string;
  storageclass: string;
  accessmode: string;
  size: string;
  storagetype: string;
  supplementalgroups: string;
  matchLabels: string;
}

export interface PgclusterSpec {
  namespace: string;
  name: string;
  clustername: string;
  ccpimage: string;
  ccpimagetag: string;
  port: string;
  PrimaryStorage: PgStorageSpec;
  ReplicaStorage: PgStorageSpec;
  resources?: { cpu?: string; memory?: string };
  user: string;
  database: string;
  replicas: string;
  syncReplication: boolean | null;
  shutdown: boolean;
  standby: boolean;
  [key: string]: unknown;
}

export interface Pgcluster {
  kind?: string;
  apiVersion?: string;
  metadata: {
    name: string;
    namespace: string;
    uid?: string;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  spec: PgclusterSpec;
  status?: { state?: string; message?: string };
}

export interface ShowClusterPod {
  Name: string;
  Phase: string;
  NodeName: string;
  PVCName: Record<string, string>;
  ReadyStatus: string;
  Ready: boolean;
  Primary: boolean;
  Type: string;
}

export interface ShowClusterService {
  Name: string;
  Data: string;
  ClusterIP: string;
  ExternalIP: string;
  ClusterName: string;
  Pgbouncer: boolean;
  BackrestRepo: boolean;
}

export interface ShowClusterDetail {
  cluster: Pgcluster;
  Deployments: Array<{ Name: string; PolicyLabels: string[] }> | null;
  Pods: ShowClusterPod[] | null;
  Services: ShowClusterService[] | null;
  Replicas: Array<{ Name: string }> | null;
  Standby: boolean;
}

export interface ShowClusterResponse extends PgoStatus {
  Results: ShowClusterDetail[] | null;
}

export interface ShowClusterRequest {
  clustername: string;
  selector: string;
  ccpimagetag: string;
  clientversion: string;
  namespace: string;
  allflag: boolean;
}

export interface CreateClusterRequest {
  ClientVersion: string;
  Namespace: string;
  Name: string;
  ReplicaCount: number;
  AutofailFlag: boolean;
  CCPImageTag?: string;
  CPURequest?: string;
  MemoryRequest?: string;
  PVCSize?: string;
  Username?: string;
  Database?: string;
  Password?: string;
  ServiceType?: string;
  SyncReplication?: boolean | null;
  PgbouncerFlag?: boolean;
}

export interface CreateClusterResponse {
  result: { Database: string; Name: string; Users: Array<{ Password: string; Username: string }> | null; WorkflowID: string };
  status: PgoStatus;
}

export interface DeleteClusterRequest {
  Clustername: string;
  Selector: string;
  ClientVersion: string;
  Namespace: string;
  AllFlag: boolean;
  DeleteBackups: boolean;
  DeleteData: boolean;
}

export interface DeleteClusterResponse extends PgoStatus {
  Results: string[] | null;
}

/** UpdateClusterAutofailStatus: 0 do nothing, 1 enable, 2 disable. */
export type AutofailStatus = 0 | 1 | 2;

/** UpdateClusterRequest (v4.3.0 apiservermsgs/clustermsgs.go). Clustername is a list. */
export interface UpdateClusterRequest {
  Clustername: string[];
  Selector: string;
  ClientVersion: string;
  Namespace: string;
  AllFlag: boolean;
  Autofail: AutofailStatus;
  CPURequest: string;
  MemoryRequest: string;
  Startup: boolean;
  Shutdown: boolean;
}

export interface UpdateClusterResponse extends PgoStatus {
  Results: string[] | null;
}

export const STATE = {
  created: 'pgcluster Created',
  processed: 'pgcluster Processed',
  initialized: 'pgcluster Initialized',
  restoring: 'pgcluster Restoring',
  shutdown: 'pgcluster Shutdown',
} as const;
