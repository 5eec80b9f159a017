/**
 * Starting points for the common kinds: small, valid, commented where a field is worth a word.
 * Written for kubeplay (images come from the simulated registries' catalog).
 */
export interface Template {
  kind: string;
  /** Suggested file name. */
  file: string;
  text: string;
}

export const TEMPLATES: Template[] = [
  {
    kind: 'Deployment',
    file: 'deployment.yaml',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello
  labels:
    app: hello
spec:
  replicas: 3
  # Pods this Deployment owns: must match the template's labels.
  selector:
    matchLabels:
      app: hello
  template:
    metadata:
      labels:
        app: hello
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
        resources:
          requests:
            cpu: 100m
            memory: 64Mi
`,
  },
  {
    kind: 'Service',
    file: 'service.yaml',
    text: `apiVersion: v1
kind: Service
metadata:
  name: hello
spec:
  # Traffic goes to ready pods carrying these labels.
  selector:
    app: hello
  ports:
  - name: http
    port: 80
    targetPort: 80
`,
  },
  {
    kind: 'Pod',
    file: 'pod.yaml',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: toolbox
  labels:
    app: toolbox
spec:
  containers:
  - name: shell
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
`,
  },
  {
    kind: 'ConfigMap',
    file: 'configmap.yaml',
    text: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  LOG_LEVEL: info
  greeting.txt: |
    Hello from a ConfigMap.
`,
  },
  {
    kind: 'Secret',
    file: 'secret.yaml',
    text: `apiVersion: v1
kind: Secret
metadata:
  name: credentials
type: Opaque
# stringData is written as plain text; the API server stores it base64-encoded under data.
stringData:
  username: admin
  password: change-me
`,
  },
  {
    kind: 'Job',
    file: 'job.yaml',
    text: `apiVersion: batch/v1
kind: Job
metadata:
  name: count
spec:
  completions: 3
  parallelism: 1
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: count
        image: busybox:1.36
        command: ["sh", "-c", "for i in 1 2 3; do echo $i; sleep 1; done"]
`,
  },
  {
    kind: 'CronJob',
    file: 'cronjob.yaml',
    text: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: tick
spec:
  schedule: "*/5 * * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: tick
            image: busybox:1.36
            command: ["sh", "-c", "date"]
`,
  },
  {
    kind: 'StatefulSet',
    file: 'statefulset.yaml',
    text: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: cache
spec:
  serviceName: cache
  replicas: 2
  selector:
    matchLabels:
      app: cache
  template:
    metadata:
      labels:
        app: cache
    spec:
      containers:
      - name: redis
        image: redis:7.4
        ports:
        - containerPort: 6379
`,
  },
  {
    kind: 'DaemonSet',
    file: 'daemonset.yaml',
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
        command: ["sh", "-c", "sleep infinity"]
        resources:
          requests:
            cpu: 20m
            memory: 16Mi
`,
  },
  {
    kind: 'Namespace',
    file: 'namespace.yaml',
    text: `apiVersion: v1
kind: Namespace
metadata:
  name: team-a
`,
  },
  {
    kind: 'HorizontalPodAutoscaler',
    file: 'hpa.yaml',
    text: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 2
  maxReplicas: 6
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 60
`,
  },
  {
    kind: 'PersistentVolumeClaim',
    file: 'pvc.yaml',
    text: `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 1Gi
`,
  },
  {
    kind: 'ResourceQuota',
    file: 'quota.yaml',
    text: `apiVersion: v1
kind: ResourceQuota
metadata:
  name: small
spec:
  hard:
    pods: "10"
    requests.cpu: "2"
    requests.memory: 2Gi
`,
  },
  {
    kind: 'Ingress',
    file: 'ingress.yaml',
    text: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
  - host: web.example.test
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
`,
  },
  {
    kind: 'PodDisruptionBudget',
    file: 'pdb.yaml',
    text: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 2
  selector:
    matchLabels:
      app: web
`,
  },
  {
    kind: 'NetworkPolicy',
    file: 'networkpolicy.yaml',
    text: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-from-frontend
spec:
  podSelector:
    matchLabels:
      app: web
  policyTypes: ["Ingress"]
  ingress:
  - from:
    - podSelector:
        matchLabels:
          role: frontend
`,
  },
];
