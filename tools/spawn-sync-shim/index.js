'use strict';
// spawn-sync 1.0.15 polyfilled child_process.spawnSync for Node < 0.12 and runs an install script to do so.
// Every supported Node has it built in; fx-runner only calls it to locate Firefox.
module.exports = require('node:child_process').spawnSync;
