/**
 * monaco-yaml's language worker, through a local module: importing the package's worker file
 * directly with `?worker` breaks Vite's dev server ("module is not defined").
 */
import 'monaco-yaml/yaml.worker';
