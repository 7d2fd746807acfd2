#!/usr/bin/env node
import '../dist/bundle/featspec.js';
