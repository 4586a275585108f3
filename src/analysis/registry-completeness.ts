/**
 * What the input says about the mesh's service registry (Services, ServiceEntries) and its
 * workloads: the cross-object rules that look something up read it to decide whether "not in
 * the input" means "not in the cluster".
 */
export enum RegistryCompleteness {
  /**
   * The input is the whole registry, as a cluster export (`kubectl get ... -A -o yaml`) is:
   * what it does not hold does not exist, and an input without Services or workloads is a
   * registry with nothing in it.
   */
  COMPLETE = 'complete',
  /**
   * The input may be part of the registry (one app of many): a lookup is judged only when the
   * input holds some of what it looks for (a Service or ServiceEntry, a workload).
   */
  PARTIAL = 'partial',
}

