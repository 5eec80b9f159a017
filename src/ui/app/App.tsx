/** Placeholder shell until the board lands: says what kubeplay is and how to reach the headless cluster. */
export function App() {
  return (
    <main className="shell">
      <h1>kubeplay</h1>
      <p>A Kubernetes playground that runs a faithful control plane in your browser.</p>
      <p className="muted">
        The board, editor and terminal are on their way. Today the control plane runs headless:{' '}
        <code>npm run cluster</code>, then point <code>kubectl</code> at it.
      </p>
    </main>
  );
}
