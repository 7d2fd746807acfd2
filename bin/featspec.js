#!/usr/bin/env node
import module from 'node:module';

// From Node 22.1 on, keep V8's compiled code of the CLI's modules between runs (in the OS temp folder):
// start-up then skips parsing and compiling them. Node 20 has no such cache; this is a no-op there.
module.enableCompileCache?.();
await import('../dist/bundle/featspec.js');
