import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeContract } from '../store-contract.js';
import { EmbeddedStore } from './embedded-store.js';

let dir = '';
storeContract('embedded', {
  open: async () => {
    dir = mkdtempSync(join(tmpdir(), 'radar-embedded-'));
    return EmbeddedStore.open(dir);
  },
  reopen: async () => EmbeddedStore.open(dir),
  destroy: async () => rmSync(dir, { recursive: true, force: true }),
});
