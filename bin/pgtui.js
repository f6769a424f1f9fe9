#!/usr/bin/env node
import '../dist/pgtui.mjs';
