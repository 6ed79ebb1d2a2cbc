#!/usr/bin/env node
// `npx atlas …`: runs scripts/atlas.ts, whose types Node 22.18+ strips natively.
import { main } from './atlas.ts';

process.exitCode = await main(process.argv.slice(2));
