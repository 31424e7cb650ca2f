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
  'src/i18n/en/index.ts': { file: 'assets/en.js', isDynamicEntry: true, imports: ['_words.js'] },
  'src/i18n/fr/index.ts': { file: 'assets/fr.js', isDynamicEntry: true, imports: ['_words.js', '_react.js'] },
  '_words.js': { file: 'assets/words.js' },
};
const sizes: Record<string, number> = {
  'assets/index.js': 100,
  'assets/react.js': 50,
  'assets/table.js': 10,
  'assets/queue.js': 5,
  'assets/editor.js': 30,
  'assets/xyflow.js': 200,
  'assets/en.js': 20,
  'assets/fr.js': 24,
  'assets/words.js': 3,
};

describe('bundle sizes per route', () => {
  it('reads each lazy route of App.tsx with the module it loads', () => {
    expect(routesOf(app)).toEqual([
      { route: '/queue', module: 'src/tasks/TaskQueuePage.tsx', page: 'TaskQueuePage' },
      { route: '/flows/:id', module: 'src/flows/FlowEditorPage.tsx', page: 'FlowEditorPage' },
    ]);
  });

  it('counts the entry, the page chunk, the heavier language and their imports once each; the queue does not pay for the editor', () => {
    const [queue, editor] = routeBundles(manifest, app, (file) => sizes[file]!);
    // 100 + 50 (entry) + 10 + 5 (queue) + 24 + 3 (French and its import; React is already there).
    expect(queue).toMatchObject({ route: '/queue', jsGzipBytes: 192 });
    expect(queue!.files).toEqual(expect.arrayContaining(['assets/fr.js', 'assets/words.js']));
    expect(queue!.files).not.toContain('assets/en.js');
    expect(queue!.files).not.toContain('assets/xyflow.js');
    expect(editor).toMatchObject({ route: '/flows/:id', jsGzipBytes: 417 });
  });

  it('fails when a language is not a chunk of its own, rather than counting a page without its words', () => {
    const { ['src/i18n/fr/index.ts']: _french, ...withoutFrench } = manifest;
    expect(() => routeBundles(withoutFrench, app, (file) => sizes[file]!)).toThrow('src/i18n/fr/index.ts');
  });
});
