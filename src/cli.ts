#!/usr/bin/env node
console.log('homeaudit');
