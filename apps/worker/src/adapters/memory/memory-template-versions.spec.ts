import { templateVersionsContract } from '../contract/template-versions.contract';
import { MemoryTemplateVersions } from './memory-template-versions';

templateVersionsContract('the memory template versions', () => {
  const store = new MemoryTemplateVersions();
  return {
    store,
    async save(channel, name, locale, parts) {
      store.save(channel, name, locale, parts);
    },
  };
});
