/**
 * Small scenarios grouped by the topics of the Kubernetes documentation, each one something to
 * apply and then watch on the board. Written for kubeplay (not copied from the docs).
 */
export interface Example {
  title: string;
  file: string;
  /** What to try once it is applied. */
  hint: string;
  text: string;
}

export interface Topic {
  topic: string;
  examples: Example[];
}

export const EXAMPLES: Topic[] = [
  {
    topic: 'Workloads',
    examples: [
      {
        title: 'Rolling update, one pod at a time',
        file: 'rolling-update.yaml',
        hint: 'Change the image to nginx:1.26 and apply: old pods leave as new ones become ready.',
        text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: rollout
spec:
  replicas: 4
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      app: rollout
  template:
    metadata:
      labels:
        app: rollout
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        readinessProbe:
          httpGet:
            path: /
            port: 80
          periodSeconds: 2
`,
      },
      {
        title: 'A batch Job with parallel workers',
        file: 'parallel-job.yaml',
        hint: 'Watch three pods run at a time until six have succeeded.',
        text: `apiVersion: batch/v1
kind: Job
metadata:
  name: render
spec:
  completions: 6
  parallelism: 3
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: worker
        image: busybox:1.36
        command: ["sh", "-c", "echo rendering; sleep 5"]
`,
      },
      {
        title: 'StatefulSet with its headless Service',
        file: 'statefulset.yaml',
        hint: 'Pods start in order (db-0, then db-1) and keep their names when deleted.',
        text: `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None
  selector:
    app: db
  ports:
  - port: 6379
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: redis
        image: redis:7.4
        ports:
        - containerPort: 6379
`,
      },
      {
        title: 'A DaemonSet: one pod on every node',
        file: 'daemonset.yaml',
        hint: 'Add a node from the board: a pod of the DaemonSet follows it there. The control-plane node is tainted, so it gets none.',
        text: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
spec:
  selector:
    matchLabels:
      app: node-agent
  template:
    metadata:
      labels:
        app: node-agent
    spec:
      containers:
      - name: agent
        image: busybox:1.36
        command: ["sh", "-c", "while true; do echo agent alive; sleep 30; done"]
        resources:
          requests:
            cpu: 10m
`,
      },
      {
        title: 'A CronJob every minute',
        file: 'cronjob.yaml',
        hint: 'Each minute of simulated time a Job runs one pod to completion; only the last three are kept.',
        text: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: tick
spec:
  schedule: "* * * * *"
  successfulJobsHistoryLimit: 3
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: tick
            image: busybox:1.36
            command: ["sh", "-c", "date; echo tick"]
`,
      },
    ],
  },
  {
    topic: 'Services and networking',
    examples: [
      {
        title: 'A Deployment behind a Service',
        file: 'web-and-service.yaml',
        hint: 'The Service gets endpoints only for ready pods; scale the Deployment and watch them change.',
        text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: echo
spec:
  replicas: 2
  selector:
    matchLabels:
      app: echo
  template:
    metadata:
      labels:
        app: echo
    spec:
      containers:
      - name: echo
        image: hashicorp/http-echo:1.0
        args: ["-text=hello", "-listen=:5678"]
        ports:
        - containerPort: 5678
---
apiVersion: v1
kind: Service
metadata:
  name: echo
spec:
  selector:
    app: echo
  ports:
  - port: 80
    targetPort: 5678
`,
      },
    ],
  },
  {
    topic: 'Configuration',
    examples: [
      {
        title: 'Settings from a ConfigMap',
        file: 'configmap-env.yaml',
        hint: 'The pod reads COLOR from the ConfigMap; a missing key would stop it starting.',
        text: `apiVersion: v1
kind: ConfigMap
metadata:
  name: palette
data:
  COLOR: teal
---
apiVersion: v1
kind: Pod
metadata:
  name: painter
spec:
  containers:
  - name: paint
    image: busybox:1.36
    command: ["sh", "-c", "echo painting $COLOR; sleep 3600"]
    envFrom:
    - configMapRef:
        name: palette
`,
      },
      {
        title: 'Requests, limits and a namespace quota',
        file: 'quota.yaml',
        hint: 'Scale the Deployment to 5: the quota admits only what fits, and the ReplicaSet reports the rest.',
        text: `apiVersion: v1
kind: Namespace
metadata:
  name: budget
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: cpu-budget
  namespace: budget
spec:
  hard:
    requests.cpu: 500m
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: spender
  namespace: budget
spec:
  replicas: 2
  selector:
    matchLabels:
      app: spender
  template:
    metadata:
      labels:
        app: spender
    spec:
      containers:
      - name: app
        image: nginx:1.27
        resources:
          requests:
            cpu: 200m
`,
      },
    ],
  },
  {
    topic: 'Scheduling',
    examples: [
      {
        title: 'Spread across nodes',
        file: 'spread.yaml',
        hint: 'At most one pod more on any node than on another; try 7 replicas.',
        text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: spread
spec:
  replicas: 4
  selector:
    matchLabels:
      app: spread
  template:
    metadata:
      labels:
        app: spread
    spec:
      topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: kubernetes.io/hostname
        whenUnsatisfiable: DoNotSchedule
        labelSelector:
          matchLabels:
            app: spread
      containers:
      - name: nginx
        image: nginx:1.27
`,
      },
      {
        title: 'Too big to schedule',
        file: 'pending.yaml',
        hint: 'No node has 64 CPUs: the pod stays Pending and the scheduler says why.',
        text: `apiVersion: v1
kind: Pod
metadata:
  name: giant
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "64"
`,
      },
    ],
  },
  {
    topic: 'Policies',
    examples: [
      {
        title: 'A disruption budget during a drain',
        file: 'pdb.yaml',
        hint: 'Drain a worker from its details panel: evictions wait until the budget allows them, so two pods stay available.',
        text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: steady
spec:
  replicas: 3
  selector:
    matchLabels:
      app: steady
  template:
    metadata:
      labels:
        app: steady
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: steady
spec:
  minAvailable: 2
  selector:
    matchLabels:
      app: steady
`,
      },
      {
        title: 'Default requests from a LimitRange',
        file: 'limitrange.yaml',
        hint: 'Open the pod from the cluster: the LimitRange filled in its requests and limits, and an annotation says so. Ask for more than 500m CPU to see a refusal.',
        text: `apiVersion: v1
kind: Namespace
metadata:
  name: limited
---
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: limited
spec:
  limits:
  - type: Container
    defaultRequest:
      cpu: 100m
      memory: 64Mi
    default:
      cpu: 200m
      memory: 128Mi
    max:
      cpu: 500m
---
apiVersion: v1
kind: Pod
metadata:
  name: plain
  namespace: limited
spec:
  containers:
  - name: app
    image: nginx:1.27
`,
      },
    ],
  },
  {
    topic: 'Health checks',
    examples: [
      {
        title: 'Liveness probe restarts a stuck container',
        file: 'liveness.yaml',
        hint: 'Inject the "hang" fault on the pod from the board and watch the kubelet restart it.',
        text: `apiVersion: v1
kind: Pod
metadata:
  name: checked
spec:
  containers:
  - name: web
    image: nginx:1.27
    livenessProbe:
      httpGet:
        path: /
        port: 80
      periodSeconds: 3
      failureThreshold: 2
`,
      },
    ],
  },
];
