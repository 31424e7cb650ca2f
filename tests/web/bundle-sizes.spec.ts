import { routeBundles, routesOf } from './bundle-sizes';

const app = `
const TaskQueuePage = lazy(() => import('../tasks/TaskQueuePage').then((m) => ({ default: m.TaskQueuePage })));
const FlowEditorPage = lazy(() => import('../flows/FlowEditorPage').then((m) => ({ default: m.FlowEditorPage })));
  <Route path="/queue" element={<TaskQueuePage />} />
  <Route path="/flows/:id" element={<FlowEditorPage />} />
  <Route path="*" element={<Navigate to="/" replace />} />
`;
const manifest = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_react.js'] },
  '_react.js': { file: 'assets/react.js' },
  '_table.js': { file: 'assets/table.js', imports: ['_react.js'] },
  'src/tasks/TaskQueuePage.tsx': { file: 'assets/queue.js', isDynamicEntry: true, imports: ['_table.js'] },
  'src/flows/FlowEditorPage.tsx': { file: 'assets/editor.js', isDynamicEntry: true, imports: ['_xyflow.js', '_table.js'] },
  '_xyflow.js': { file: 'assets/xyflow.js' },
};
const sizes: Record<string, number> = {
  'assets/index.js': 100,
  'assets/react.js': 50,
  'assets/table.js': 10,
  'assets/queue.js': 5,
  'assets/editor.js': 30,
  'assets/xyflow.js': 200,
};

describe('bundle sizes per route', () => {
  it('reads each lazy route of App.tsx with the module it loads', () => {
    expect(routesOf(app)).toEqual([
      { route: '/queue', module: 'src/tasks/TaskQueuePage.tsx', page: 'TaskQueuePage' },
      { route: '/flows/:id', module: 'src/flows/FlowEditorPage.tsx', page: 'FlowEditorPage' },
    ]);
  });

  it('counts the entry, the page chunk and their imports once each; the queue does not pay for the editor', () => {
    const [queue, editor] = routeBundles(manifest, app, (file) => sizes[file]!);
    expect(queue).toMatchObject({ route: '/queue', jsGzipBytes: 165 });
    expect(queue!.files).not.toContain('assets/xyflow.js');
    expect(editor).toMatchObject({ route: '/flows/:id', jsGzipBytes: 390 });
  });
});
