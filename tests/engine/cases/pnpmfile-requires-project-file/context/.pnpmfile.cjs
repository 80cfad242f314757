const { pinnedVersions } = require('./scripts/pnpm-pins.cjs')

function readPackage(pkg) {
  for (const [name, version] of Object.entries(pinnedVersions)) {
    if (pkg.dependencies && pkg.dependencies[name]) pkg.dependencies[name] = version
  }
  return pkg
}

module.exports = { hooks: { readPackage } }
